using System.Security.Cryptography;

namespace Jiebang.Web.Features.Security;

/// <summary>
/// The key files that keep the database's secrets unreadable without them, all in one directory
/// outside the database (<c>Keys:Directory</c>, by default <c>data/keys</c> under the content root).
/// Outside Production a missing key is created at first use; in Production it must be made by
/// the operator (see docs/operations.md), and the app refuses to start without it.
/// </summary>
public sealed class KeyFiles(IConfiguration configuration, IHostEnvironment environment)
{
    public const string DataProtection = "data-protection";

    /// <summary>The key of the keyed hashes that look personal data up (a blacklisted ID number) without decrypting it.</summary>
    public const string Lookup = "lookup";
    public const string CreateCommand = "install -d -m 700 DIR && (umask 077; openssl rand -base64 32 > DIR/data-protection.key)";
    readonly Lock _lock = new();
    byte[]? _current, _lookup;

    public string Directory { get; } = DirectoryOf(configuration, environment.ContentRootPath);

    /// <summary>Where every key file lives: <c>Keys:Directory</c>, relative to the content root, or <c>data/keys</c> there.</summary>
    public static string DirectoryOf(IConfiguration configuration, string contentRoot) =>
        Path.GetFullPath(configuration["Keys:Directory"] is { Length: > 0 } configured
            ? Path.Combine(contentRoot, configured)
            : Path.Combine(contentRoot, "data", "keys"));

    public string PathOf(string name) => Path.Combine(Directory, name + ".key");

    /// <summary>The current key that encrypts the Data Protection key ring.</summary>
    public byte[] DataProtectionKey
    {
        get
        {
            lock (_lock) return _current ??= ReadOrCreate(DataProtection);
        }
    }

    /// <summary>The key of lookup hashes (<c>lookup.key</c>); never rotated without rehashing what it keyed.</summary>
    public byte[] LookupKey
    {
        get
        {
            lock (_lock) return _lookup ??= ReadOrCreate(Lookup);
        }
    }

    /// <summary>A short public name of a key, stored beside what it encrypted so that the right file is found after a rotation.</summary>
    public static string IdOf(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8));

    /// <summary>The current key and the keys of earlier rotations (data-protection-*.key), by id.</summary>
    public byte[]? FindDataProtectionKey(string id) =>
        IdOf(DataProtectionKey) == id ? DataProtectionKey
        : System.IO.Directory.EnumerateFiles(Directory, DataProtection + "-*.key").Select(Read).FirstOrDefault(k => IdOf(k) == id);

    /// <summary>Whether the key can be had: present, or creatable outside Production.</summary>
    public bool IsAvailable(string name) => File.Exists(PathOf(name)) || !environment.IsProduction();

    /// <summary>
    /// A new installation's key, made by `jiebang setup` on an empty database, also in Production;
    /// true when it was made now, false when it was there.
    /// </summary>
    public bool CreateForNewInstallation(string name)
    {
        if (File.Exists(PathOf(name))) return false;
        ReadOrCreate(name, evenInProduction: true);
        return true;
    }

    byte[] ReadOrCreate(string name, bool evenInProduction = false)
    {
        var path = PathOf(name);
        if (File.Exists(path)) return Read(path);
        if (environment.IsProduction() && !evenInProduction) throw new InvalidOperationException(MissingMessage(name));
        System.IO.Directory.CreateDirectory(Directory);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var key = RandomNumberGenerator.GetBytes(32);
        // Created exclusively (O_CREAT|O_EXCL), so that of instances starting at the same moment exactly
        // one writes the key; the others wait until its whole content is there and read it. (A move
        // without overwrite is not atomic on every file system: two could both "win".)
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var stream = new FileStream(path, options))
            {
                stream.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(key) + "\n"));
                stream.Flush(flushToDisk: true);
            }
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            return Read(path);
        }
    }

    /// <summary>Reads a key file, waiting a moment for one another instance is still writing.</summary>
    static byte[] Read(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            var text = File.ReadAllText(path).Trim();
            if (text.Length == 44 || attempt >= 50) return Decode(path, text);
            Thread.Sleep(20);
        }
    }

    static byte[] Decode(string path, string text)
    {
        var key = Convert.FromBase64String(text);
        return key.Length == 32 ? key : throw new InvalidOperationException($"The key file {path} does not hold 32 bytes in base64.");
    }

    public string MissingMessage(string name) =>
        $"The key file {PathOf(name)} is missing. The app does not start in Production without it: restore it from the "
        + $"key backup, or for a new installation create it with: {CreateCommand.Replace("DIR", Directory).Replace("data-protection.key", name + ".key")}";
}
