using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Jiebang.Web.Features.Security;

/// <summary>
/// Encrypts each Data Protection key (AES-256-GCM) with the key file before it is stored in the
/// database, so a copy of the database alone holds no usable key.
/// </summary>
public sealed class KeyFileXmlEncryptor(KeyFiles keys) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var key = keys.DataProtectionKey;
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[12 + 16 + plain.Length];
        RandomNumberGenerator.Fill(sealedBytes.AsSpan(0, 12));
        using (var aes = new AesGcm(key, 16))
            aes.Encrypt(sealedBytes.AsSpan(0, 12), plain, sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16));
        var element = new XElement("keyFileEncrypted", new XAttribute("keyId", KeyFiles.IdOf(key)),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyFileXmlDecryptor));
    }
}

/// <summary>Decrypts what <see cref="KeyFileXmlEncryptor"/> stored, with the key file it names; created by Data Protection.</summary>
public sealed class KeyFileXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var keys = services.GetRequiredService<KeyFiles>();
        var id = (string?)encryptedElement.Attribute("keyId") ?? "";
        var key = keys.FindDataProtectionKey(id)
            ?? throw new CryptographicException($"No key file in {keys.Directory} has the id {id} this key was encrypted with.");
        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        if (sealedBytes.Length < 28) throw new CryptographicException("The encrypted key is truncated.");
        var plain = new byte[sealedBytes.Length - 28];
        using (var aes = new AesGcm(key, 16))
            aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16), plain);
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
