namespace Jiebang.Domain.Demands;

/// <summary>An immutable copy of a demand as it was submitted, with the receipt the filer keeps.</summary>
public sealed class DemandVersion
{
    public long Id { get; private set; }
    public int DemandId { get; private set; }
    public int Number { get; private set; }
    public string ValuesJson { get; private set; } = "{}";
    public string ContentHash { get; private set; } = "";
    public string ReceiptNumber { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }
    public string SubmittedByUserId { get; private set; } = "";

    DemandVersion() { }

    internal DemandVersion(int demandId, int number, string valuesJson, string contentHash, string receiptNumber,
        DateTimeOffset submittedAt, string submittedBy)
    {
        DemandId = demandId;
        Number = number;
        ValuesJson = valuesJson;
        ContentHash = contentHash;
        ReceiptNumber = receiptNumber;
        SubmittedAt = submittedAt;
        SubmittedByUserId = submittedBy;
    }
}
