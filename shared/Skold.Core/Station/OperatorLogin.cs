namespace Skold.Station
{
    /// <summary>
    /// An operator proving who they are with number and PIN, and the lockout after too many wrong
    /// PINs (KioskSettings.MaxPinAttempts, then no one may try for LockoutSeconds). The kiosk's
    /// login and the clock setting after a power cut each keep one.
    /// </summary>
    public sealed class OperatorLogin
    {
        public const int Accepted = 0;
        public const int WrongPin = 1;
        /// <summary>A wrong PIN that used up the attempts: the lockout starts now.</summary>
        public const int LockedOut = 2;

        private readonly KioskSettings _settings;
        private int _failedPins;
        private uint _lockedUntil;

        public OperatorLogin(KioskSettings settings)
        {
            _settings = settings;
        }

        /// <summary>The operator whose PIN is asked for (set by Choose).</summary>
        public int Pending { get; private set; }

        /// <summary>Seconds of lockout left at <paramref name="now"/>; 0 when anyone may try.</summary>
        public uint LockedFor(uint now)
        {
            return now < _lockedUntil ? _lockedUntil - now : 0;
        }

        /// <summary>Asks for this operator's PIN next; false for a number that is no operator here.</summary>
        public bool Choose(int number)
        {
            if (!_settings.IsOperator(number))
            {
                return false;
            }
            Pending = number;
            return true;
        }

        /// <summary>Checks the pending operator's PIN: Accepted, WrongPin, or LockedOut when this was the last attempt.</summary>
        public int TryPin(string pin, uint now)
        {
            if (_settings.CheckPin(Pending, pin))
            {
                _failedPins = 0;
                return Accepted;
            }
            _failedPins++;
            if (_failedPins < _settings.MaxPinAttempts)
            {
                return WrongPin;
            }
            _failedPins = 0;
            _lockedUntil = now + (uint)_settings.LockoutSeconds;
            return LockedOut;
        }
    }
}
