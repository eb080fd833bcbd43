using System;
using Skold.Codec;
using Skold.Crypto;

namespace Skold.Station
{
    /// <summary>
    /// Household card numbers (6 to 12 digits, the last a Luhn check digit so a mistyped digit
    /// is caught at the keypad) and the keyed pseudonym the journal stores instead of them:
    /// the first 12 bytes of HMAC-SHA-256(crisis key, "SKOLD-HOUSEHOLD-v1", 0, digits).
    /// Without the crisis key a pseudonym cannot be tied to a card.
    /// </summary>
    public sealed class HouseholdCard
    {
        public const int PseudonymSize = 12;
        public const int MinDigits = 6;
        public const int MaxDigits = 12;
        public const int CrisisKeySize = 32;

        private static readonly byte[] Domain = TextCodec.Encode("SKOLD-HOUSEHOLD-v1");
        private static readonly byte[] KeyIdDomain = TextCodec.Encode("SKOLD-CRISIS-KEY-v1");

        private readonly HmacSha256 _hmac;

        public HouseholdCard(byte[] crisisKey)
        {
            if (crisisKey == null || crisisKey.Length != CrisisKeySize)
            {
                throw new ArgumentException("the crisis key is " + CrisisKeySize + " bytes");
            }
            _hmac = new HmacSha256(crisisKey);
            Sha256 sha = new Sha256();
            sha.Update(KeyIdDomain);
            sha.Update(crisisKey);
            byte[] digest = sha.Finish();
            KeyId = new byte[JournalRecord.CrisisKeyIdSize];
            Array.Copy(digest, KeyId, KeyId.Length);
        }

        /// <summary>Names the crisis key in the journal without revealing it.</summary>
        public byte[] KeyId { get; }

        public byte[] Pseudonym(string cardNumber)
        {
            if (!IsValid(cardNumber))
            {
                throw new ArgumentException("not a valid household card number");
            }
            byte[] digits = TextCodec.Encode(cardNumber);
            byte[] message = new byte[Domain.Length + 1 + digits.Length];
            Array.Copy(Domain, message, Domain.Length);
            Array.Copy(digits, 0, message, Domain.Length + 1, digits.Length);
            byte[] mac = _hmac.Compute(message);
            byte[] pseudonym = new byte[PseudonymSize];
            Array.Copy(mac, pseudonym, PseudonymSize);
            return pseudonym;
        }

        /// <summary>6 to 12 digits whose Luhn checksum is 0.</summary>
        public static bool IsValid(string cardNumber)
        {
            if (cardNumber == null || cardNumber.Length < MinDigits || cardNumber.Length > MaxDigits)
            {
                return false;
            }
            int sum = 0;
            bool doubled = false;
            for (int i = cardNumber.Length - 1; i >= 0; i--)
            {
                int digit = cardNumber[i] - '0';
                if (digit < 0 || digit > 9)
                {
                    return false;
                }
                if (doubled)
                {
                    digit *= 2;
                    if (digit > 9)
                    {
                        digit -= 9;
                    }
                }
                sum += digit;
                doubled = !doubled;
            }
            return sum % 10 == 0;
        }

        /// <summary>The check digit that completes a number's other digits (for printing cards).</summary>
        public static char CheckDigit(string withoutCheck)
        {
            for (int d = 0; d <= 9; d++)
            {
                if (IsValid(withoutCheck + (char)('0' + d)))
                {
                    return (char)('0' + d);
                }
            }
            throw new ArgumentException("not a run of 5 to 11 digits");
        }
    }
}
