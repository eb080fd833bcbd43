namespace Skold.Board.Node
{
    /// <summary>
    /// What HostLinkRequests asks of the node it serves: the ESP32 image's NodeApp, or the Linux
    /// node (tools/Skold.Node/HostLinkService.cs). Facts and a few actions; every answer and its
    /// wording is decided in HostLinkRequests.
    /// </summary>
    public interface IHostLinkNode
    {
        int NodeId { get; }

        /// <summary>The relay loop, or null while the node does not transmit (then Problem says why).</summary>
        RelayNode? Relay { get; }

        string? Problem { get; }

        /// <summary>Battery voltage in mV, 0 when the node cannot measure it.</summary>
        int BatteryMillivolts { get; }

        /// <summary>
        /// True when the node's council time comes from a real clock it keeps (the Linux node: its
        /// host's clock); false for a board without one (the ESP32), whose time the host sets.
        /// </summary>
        bool KeepsOwnClock { get; }

        /// <summary>Council time (SkoldTime seconds) at nowMs.</summary>
        long CouncilSeconds(long nowMs);

        /// <summary>A board without a clock: the creation time of the newest council order it knows; its time never goes before it.</summary>
        long ClockFloorSeconds { get; }

        /// <summary>A board without a clock: council time is seconds at nowMs from now on.</summary>
        void SetCouncilSeconds(long seconds, long nowMs);

        /// <summary>Runs the self-test (it never transmits) and relays again afterwards; null when this node has none.</summary>
        SelfTestReport? RunSelfTest();
    }
}
