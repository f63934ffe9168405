namespace Jiebang.Domain.Filings;

/// <summary>
/// An immutable copy of a filing as it was submitted, with the receipt the filer keeps. The type
/// argument is the filing kind's status, so each kind keeps its versions in a table of its own.
/// </summary>
public sealed class FilingVersion<TStatus> where TStatus : struct, Enum
{
    public long Id { get; private set; }
    public int FilingId { get; private set; }
    public int Number { get; private set; }
    public string ValuesJson { get; private set; } = "{}";
    public string ContentHash { get; private set; } = "";
    public string ReceiptNumber { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }
    public string SubmittedByUserId { get; private set; } = "";

    FilingVersion() { }

    internal FilingVersion(int filingId, int number, string valuesJson, string contentHash, string receiptNumber,
        DateTimeOffset submittedAt, string submittedBy)
    {
        FilingId = filingId;
        Number = number;
        ValuesJson = valuesJson;
        ContentHash = contentHash;
        ReceiptNumber = receiptNumber;
        SubmittedAt = submittedAt;
        SubmittedByUserId = submittedBy;
    }
}
