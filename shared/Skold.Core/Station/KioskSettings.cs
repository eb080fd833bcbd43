using System;
using Skold.Codec;
using Skold.Crypto;

namespace Skold.Station
{
    /// <summary>
    /// How one station's kiosk behaves: who may log in (operator numbers with salted PIN
    /// hashes, never the PINs), the local clock offset and the time limits of the user flow.
    /// </summary>
    public sealed class KioskSettings
    {
        public const int MaxOperators = 32;
        public const int MinPinDigits = 4;
        public const int MaxPinDigits = 8;

        private static readonly byte[] PinDomain = TextCodec.Encode("SKOLD-PIN-v1");

        private readonly int[] _operators = new int[MaxOperators];
        private readonly byte[][] _pinHashes = new byte[MaxOperators][];
        private int _operatorCount;

        public KioskSettings(int stationId, string stationName)
        {
            if (stationId < 0 || stationId > 0xffff)
            {
                throw new ArgumentOutOfRangeException(nameof(stationId), "a station number is 0..65535");
            }
            StationId = stationId;
            StationName = stationName ?? "";
        }

        public int StationId { get; }

        public string StationName { get; }

        /// <summary>Local time minus UTC, for the clock on the screen (60 in Swedish winter).</summary>
        public int UtcOffsetMinutes { get; set; } = 60;

        public int UndoWindowSeconds { get; set; } = 120;

        public int IdleLogoutSeconds { get; set; } = 900;

        public int MaxPinAttempts { get; set; } = 5;

        public int LockoutSeconds { get; set; } = 300;

        public int OperatorCount
        {
            get { return _operatorCount; }
        }

        public void AddOperator(int number, byte[] pinHash)
        {
            if (number < 1 || number > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(number), "an operator number is 1..255");
            }
            if (pinHash == null || pinHash.Length != Sha256.DigestSize)
            {
                throw new ArgumentException("a PIN hash is 32 bytes");
            }
            if (IsOperator(number))
            {
                throw new ArgumentException("operator " + number + " is listed twice");
            }
            if (_operatorCount == MaxOperators)
            {
                throw new ArgumentException("at most " + MaxOperators + " operators per station");
            }
            _operators[_operatorCount] = number;
            _pinHashes[_operatorCount] = pinHash;
            _operatorCount++;
        }

        public bool IsOperator(int number)
        {
            return IndexOf(number) >= 0;
        }

        public bool CheckPin(int number, string pin)
        {
            int index = IndexOf(number);
            if (index < 0 || !IsPin(pin))
            {
                return false;
            }
            byte[] hash = PinHash(StationId, number, pin);
            return Bytes.FixedTimeEquals(hash, 0, _pinHashes[index], 0, hash.Length);
        }

        /// <summary>SHA-256 of "SKOLD-PIN-v1", 0, station (u16 LE), operator, PIN digits. Salted per station and operator.</summary>
        public static byte[] PinHash(int stationId, int operatorNumber, string pin)
        {
            if (!IsPin(pin))
            {
                throw new ArgumentException("a PIN is " + MinPinDigits + ".." + MaxPinDigits + " digits");
            }
            Sha256 sha = new Sha256();
            sha.Update(PinDomain);
            sha.Update(new byte[] { 0, (byte)stationId, (byte)(stationId >> 8), (byte)operatorNumber });
            sha.Update(TextCodec.Encode(pin));
            return sha.Finish();
        }

        public static bool IsPin(string pin)
        {
            if (pin == null || pin.Length < MinPinDigits || pin.Length > MaxPinDigits)
            {
                return false;
            }
            for (int i = 0; i < pin.Length; i++)
            {
                if (pin[i] < '0' || pin[i] > '9')
                {
                    return false;
                }
            }
            return true;
        }

        private int IndexOf(int number)
        {
            for (int i = 0; i < _operatorCount; i++)
            {
                if (_operators[i] == number)
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
