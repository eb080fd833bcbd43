using System;
using Skold.Codec;
using Skold.Crypto;

namespace Skold.Council
{
    /// <summary>
    /// A device's judgement of the council documents it receives (relay nodes and kiosks alike).
    /// Cheap checks run first, so stale or replayed traffic costs no signature verification:
    /// decode, expiry, clock skew, replay, sequence; then signatures and policy, verified once
    /// per distinct byte string and remembered; then the kind's own effect (registry change,
    /// reserve limit, replacing the distribution rules).
    ///
    /// Sequence numbers must increase per kind, not across kinds: the mesh may deliver an
    /// ALERT numbered 7 after RULES numbered 8, and both are news; a RULES numbered 6 after
    /// RULES 8 is stale and would undo the newer rules.
    /// </summary>
    public sealed class OrderAcceptance
    {
        /// <summary>How far in the future an order's creation time may lie (device clocks drift during an outage).</summary>
        public const uint AllowedClockSkewSeconds = 600;

        private const int RecentIdCount = 32;
        private const int VerdictCacheSize = 32;

        private readonly Ed25519 _ed;
        private readonly int[] _lastSequence = new int[OrderKind.Count];
        private readonly Order?[] _latest = new Order?[OrderKind.Count];
        private readonly byte[]?[] _recentIds = new byte[RecentIdCount][];
        private readonly byte[]?[] _verdictKeys = new byte[VerdictCacheSize][];
        private readonly PolicyCheck?[] _verdicts = new PolicyCheck?[VerdictCacheSize];
        private readonly byte[]?[] _parked = new byte[4][];
        private bool _restoring;
        private int _recentNext;
        private int _verdictNext;

        public OrderAcceptance(CouncilRegistry registry, Ed25519 ed)
        {
            if (registry == null || ed == null)
            {
                throw new ArgumentNullException(registry == null ? nameof(registry) : nameof(ed));
            }
            Registry = registry;
            _ed = ed;
        }

        public CouncilRegistry Registry { get; private set; }

        /// <summary>The distribution rules in force: those of the newest accepted DISTRIBUTION_RULES order.</summary>
        public DistributionRulesBody? CurrentRules
        {
            get
            {
                Order? order = _latest[OrderKind.DistributionRules];
                return order == null ? null : (DistributionRulesBody)order.Body;
            }
        }

        /// <summary>Kronor released from the acute reserve by accepted RESERVE_ACTIVATION orders.</summary>
        public uint ReserveReleasedSek { get; private set; }

        /// <summary>Signature checks run so far (one per distinct document): a repeat is not verified again.</summary>
        public int SignatureChecksRun { get; private set; }

        /// <summary>The newest accepted order of a kind, or null.</summary>
        public Order? Latest(int kind)
        {
            return _latest[kind];
        }

        public AcceptanceResult Accept(byte[] data, uint now)
        {
            return Accept(data, 0, data.Length, now);
        }

        /// <summary>
        /// Replays an order this device accepted before a reboot, in the order they were stored,
        /// to rebuild its state: registry updates in force, sequence floors, the reserve released,
        /// the rules in force. Expiry does not apply (an expired revocation still revokes); the
        /// signatures are checked again all the same.
        /// </summary>
        public AcceptanceResult Restore(byte[] data, uint now)
        {
            _restoring = true;
            try
            {
                return Accept(data, 0, data.Length, now);
            }
            finally
            {
                _restoring = false;
            }
        }

        public AcceptanceResult Accept(byte[] data, int offset, int count, uint now)
        {
            Order order;
            try
            {
                order = Order.Decode(data, offset, count);
            }
            catch (MalformedDataException e)
            {
                return new AcceptanceResult(RejectionReason.Malformed, null, null, e.Message);
            }
            if (order.Kind == OrderKind.Genesis)
            {
                return new AcceptanceResult(RejectionReason.NotAnOrder, order, null, "");
            }
            if (!_restoring && now >= order.Expires)
            {
                return new AcceptanceResult(RejectionReason.Expired, order, null, "expired " + (now - order.Expires) + " s ago");
            }
            if (!_restoring && order.Created > now && order.Created - now > AllowedClockSkewSeconds)
            {
                return new AcceptanceResult(RejectionReason.NotYetValid, order, null, "created " + (order.Created - now) + " s in the future");
            }
            byte[] id = order.ComputeId();
            if (IsRecent(id))
            {
                return new AcceptanceResult(RejectionReason.Replay, order, null, "");
            }
            if (order.Sequence <= _lastSequence[order.Kind])
            {
                return new AcceptanceResult(RejectionReason.StaleSequence, order, null,
                    "number " + order.Sequence + ", newest " + OrderKind.Name(order.Kind) + " is " + _lastSequence[order.Kind]);
            }

            PolicyCheck check = CheckSignatures(order, data, offset, count);
            if (!check.Met)
            {
                return new AcceptanceResult(check.Reason, order, check, check.Explain());
            }

            if (order.Kind == OrderKind.RegistryUpdate)
            {
                int after = ((RegistryUpdateBody)order.Body).AfterSequence;
                if (after > Registry.Sequence)
                {
                    Park(data, offset, count);
                    return new AcceptanceResult(RejectionReason.AwaitingEarlierUpdate, order, check,
                        "follows update " + after + ", the registry is at " + Registry.Sequence);
                }
                if (after < Registry.Sequence)
                {
                    return new AcceptanceResult(RejectionReason.InvalidRegistryUpdate, order, check,
                        "built on update " + after + ", the registry is already at " + Registry.Sequence);
                }
                try
                {
                    Registry = Registry.Apply((RegistryUpdateBody)order.Body, order.Sequence);
                }
                catch (InvalidOperationException e)
                {
                    return new AcceptanceResult(RejectionReason.InvalidRegistryUpdate, order, check, e.Message);
                }
                // Verdicts were reached under the old members and policies.
                ClearVerdicts();
            }
            else if (order.Kind == OrderKind.ReserveActivation)
            {
                uint amount = ((ReserveActivationBody)order.Body).AmountSek;
                uint left = Registry.AcuteReserveSek - ReserveReleasedSek;
                if (amount > left)
                {
                    return new AcceptanceResult(RejectionReason.ReserveExceeded, order, check, amount + " SEK asked, " + left + " SEK left");
                }
                ReserveReleasedSek += amount;
            }

            _lastSequence[order.Kind] = order.Sequence;
            _latest[order.Kind] = order;
            _recentIds[_recentNext] = id;
            _recentNext = (_recentNext + 1) % RecentIdCount;
            if (order.Kind == OrderKind.RegistryUpdate)
            {
                ApplyParked(now);
            }
            return new AcceptanceResult(RejectionReason.None, order, check, check.Explain());
        }

        // Registry updates that arrived before their predecessor wait here (a few at most), and
        // are judged again, against the registry they build on, once it is in force.
        private void Park(byte[] data, int offset, int count)
        {
            byte[] copy = new byte[count];
            Array.Copy(data, offset, copy, 0, count);
            for (int i = 0; i < _parked.Length; i++)
            {
                if (_parked[i] == null)
                {
                    _parked[i] = copy;
                    return;
                }
            }
            _parked[0] = copy;
        }

        private void ApplyParked(uint now)
        {
            for (int i = 0; i < _parked.Length; i++)
            {
                byte[]? waiting = _parked[i];
                if (waiting == null)
                {
                    continue;
                }
                Order order = Order.Decode(waiting);
                if (((RegistryUpdateBody)order.Body).AfterSequence == Registry.Sequence)
                {
                    _parked[i] = null;
                    // Accept applies it and, through this method again, any that follow it.
                    Accept(waiting, now);
                    return;
                }
            }
        }

        /// <summary>
        /// The signature and policy check of an order, verified once per distinct byte string and
        /// remembered, failures included: relays hear the same order from several neighbours,
        /// and a forger's repeated copies must not cost a verification each.
        /// </summary>
        public PolicyCheck CheckSignatures(Order order, byte[] data, int offset, int count)
        {
            Sha256 sha = new Sha256();
            sha.Update(data, offset, count);
            byte[] key = sha.Finish();
            for (int i = 0; i < VerdictCacheSize; i++)
            {
                byte[]? cached = _verdictKeys[i];
                if (cached != null && Bytes.FixedTimeEquals(cached, 0, key, 0, 32))
                {
                    return _verdicts[i]!;
                }
            }
            PolicyCheck check = Registry.Check(order, _ed);
            SignatureChecksRun++;
            _verdictKeys[_verdictNext] = key;
            _verdicts[_verdictNext] = check;
            _verdictNext = (_verdictNext + 1) % VerdictCacheSize;
            return check;
        }

        private bool IsRecent(byte[] id)
        {
            for (int i = 0; i < RecentIdCount; i++)
            {
                byte[]? recent = _recentIds[i];
                if (recent != null && Bytes.FixedTimeEquals(recent, 0, id, 0, 32))
                {
                    return true;
                }
            }
            return false;
        }

        private void ClearVerdicts()
        {
            for (int i = 0; i < VerdictCacheSize; i++)
            {
                _verdictKeys[i] = null;
                _verdicts[i] = null;
            }
        }
    }
}
