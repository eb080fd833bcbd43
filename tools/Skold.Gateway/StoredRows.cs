namespace Skold.Gateway;

// Rows of the gateway's store (GatewayStore), as the picture reads them.

public sealed record StoredOrder(uint MessageId, int Kind, int Sequence, uint Expires, string Summary, byte[] Data, string Origin, long FirstKnown,
    string State, string? Reason, long? AnsweredAt);

public sealed record StoredRefusal(long At, string Origin, uint? MessageId, int ReasonCode, string Reason, byte[] Data);

public sealed record StoredBeacon(long At, int Node, int Held, uint Digest, int BatteryMillivolts, int HeadroomPercent, int[] Neighbours, string Callsign,
    int Rssi, int SnrTenths);

public sealed record StoredReport(uint MessageId, long At, int Station, bool Verified, uint? Time, uint? JournalRecords, int? BatteryMillivolts,
    int? HouseholdsServed, int? HandOuts, int? Exceptions, string? Items, int Via, byte[] Data);

public sealed record StoredTimeAnswer(long At, uint Sent, int Result, string Reason);
