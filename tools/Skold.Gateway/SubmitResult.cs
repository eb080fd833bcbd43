namespace Skold.Gateway;

/// <summary>What became of an order given to the gateway: sent on (or already known), or refused with a reason code and a text that starts with it ("R8 policy not met: ...").</summary>
public sealed record SubmitResult(bool Accepted, uint? MessageId, int ReasonCode, string Reason);
