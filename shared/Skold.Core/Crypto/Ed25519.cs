using System;

namespace Skold.Crypto
{
    /// <summary>
    /// Ed25519 signatures (RFC 8032 section 5.1) written for the nanoFramework subset.
    ///
    /// Verify accepts exactly what libsodium's crypto_sign_verify_detached accepts:
    /// S must be below L; R and A must not be one of the small-order encodings libsodium
    /// lists (sign bit ignored); A must be a canonical encoding of a curve point; and the
    /// encoding of [S]B - [k]A must equal the 32 bytes of R (the cofactorless equation,
    /// compared as bytes, so a non-canonical R never matches).
    ///
    /// Signing touches secrets only through constant-time code: SHA-512, a fixed-window
    /// base-point multiplication with table scans, and mod-L arithmetic without branches.
    ///
    /// An instance holds about 4 KB of scratch and allocates nothing per call. It is not
    /// thread-safe: give each thread its own.
    /// </summary>
    public sealed class Ed25519
    {
        public const int SeedSize = 32;
        public const int PublicKeySize = 32;
        public const int SignatureSize = 64;

        private const int AWidth = 5;

        // y values of the points of order 1, 2, 4 and 8, and the non-canonical encodings of
        // 0 and 1 (y = p, y = p + 1), as libsodium's ge25519_has_small_order lists them.
        private static readonly byte[][] SmallOrderEncodings =
        {
            new byte[]
            {
                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            },
            new byte[]
            {
                0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            },
            new byte[]
            {
                0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0,
                0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05,
            },
            new byte[]
            {
                0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f,
                0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a,
            },
            new byte[]
            {
                0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f,
            },
            new byte[]
            {
                0xed, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f,
            },
            new byte[]
            {
                0xee, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f,
            },
        };

        private readonly EdwardsCurve _curve = new EdwardsCurve();
        private readonly Scalar25519 _scalars = new Scalar25519();
        private readonly Sha512 _sha = new Sha512();
        private readonly EdwardsPoint _point = new EdwardsPoint();
        private readonly EdwardsPoint _scratch = new EdwardsPoint();
        private readonly EdwardsPoint _scratch2 = new EdwardsPoint();
        private readonly AdditionOperand[] _aTable = new AdditionOperand[1 << (AWidth - 2)];
        private readonly sbyte[] _aDigits = new sbyte[256];
        private readonly sbyte[] _bDigits = new sbyte[256];
        private readonly byte[] _digest = new byte[64];
        private readonly byte[] _k = new byte[32];
        private readonly byte[] _r = new byte[32];
        private readonly byte[] _encoded = new byte[32];

        public Ed25519()
        {
            for (int i = 0; i < _aTable.Length; i++)
            {
                _aTable[i] = new AdditionOperand();
            }
        }

        /// <summary>Expands a 32-byte seed (RFC 8032's private key) into a key that can sign.</summary>
        public Ed25519PrivateKey CreatePrivateKey(byte[] seed)
        {
            if (seed == null || seed.Length != SeedSize)
            {
                throw new ArgumentException("an Ed25519 seed is exactly 32 bytes", nameof(seed));
            }
            byte[] scalar = new byte[32];
            byte[] prefix = new byte[32];
            byte[] publicKey = new byte[PublicKeySize];
            _sha.Update(seed, 0, SeedSize);
            _sha.Finish(_digest, 0);
            Array.Copy(_digest, 0, scalar, 0, 32);
            Array.Copy(_digest, 32, prefix, 0, 32);
            Array.Clear(_digest, 0, _digest.Length);
            // Section 5.1.5: clear the low three bits and the top bit, set bit 254.
            scalar[0] &= 248;
            scalar[31] &= 127;
            scalar[31] |= 64;
            _curve.MultiplyBase(_point, scalar, 0, _aDigits);
            _curve.Encode(publicKey, 0, _point);
            Array.Clear(_aDigits, 0, _aDigits.Length);
            return new Ed25519PrivateKey(scalar, prefix, publicKey);
        }

        public byte[] Sign(Ed25519PrivateKey key, byte[] message)
        {
            if (message == null)
            {
                throw new ArgumentNullException(nameof(message));
            }
            byte[] signature = new byte[SignatureSize];
            Sign(key, message, 0, message.Length, signature, 0);
            return signature;
        }

        /// <summary>Writes the 64-byte signature of message[offset..offset+count) at signature[signatureOffset].</summary>
        public void Sign(Ed25519PrivateKey key, byte[] message, int offset, int count, byte[] signature, int signatureOffset)
        {
            if (key == null)
            {
                throw new ArgumentNullException(nameof(key));
            }
            Bytes.CheckRange(message, offset, count);
            Bytes.CheckRange(signature, signatureOffset, SignatureSize);
            key.ThrowIfCleared();

            // r = SHA-512(prefix || M) mod L; R = [r]B.
            _sha.Update(key.Prefix, 0, 32);
            _sha.Update(message, offset, count);
            _sha.Finish(_digest, 0);
            _scalars.ReduceWide(_r, 0, _digest, 0);
            _curve.MultiplyBase(_point, _r, 0, _aDigits);
            _curve.Encode(_encoded, 0, _point);

            // k = SHA-512(R || A || M) mod L; S = (r + k s) mod L.
            _sha.Update(_encoded, 0, 32);
            _sha.Update(key.PublicKey, 0, PublicKeySize);
            _sha.Update(message, offset, count);
            _sha.Finish(_digest, 0);
            _scalars.ReduceWide(_k, 0, _digest, 0);
            Array.Copy(_encoded, 0, signature, signatureOffset, 32);
            _scalars.MultiplyAdd(signature, signatureOffset + 32, _k, 0, key.Scalar, 0, _r, 0);

            Array.Clear(_r, 0, _r.Length);
            Array.Clear(_digest, 0, _digest.Length);
            Array.Clear(_aDigits, 0, _aDigits.Length);
        }

        public bool Verify(byte[] signature, byte[] message, byte[] publicKey)
        {
            if (signature == null || message == null || publicKey == null)
            {
                throw new ArgumentNullException(signature == null ? nameof(signature) : message == null ? nameof(message) : nameof(publicKey));
            }
            if (signature.Length != SignatureSize || publicKey.Length != PublicKeySize)
            {
                return false;
            }
            return Verify(signature, 0, message, 0, message.Length, publicKey, 0);
        }

        /// <summary>
        /// True when signature[signatureOffset..+64) is a valid signature by publicKey[publicKeyOffset..+32)
        /// of message[offset..offset+count), under libsodium's rules (see the class summary).
        /// </summary>
        public bool Verify(byte[] signature, int signatureOffset, byte[] message, int offset, int count, byte[] publicKey, int publicKeyOffset)
        {
            Bytes.CheckRange(signature, signatureOffset, SignatureSize);
            Bytes.CheckRange(message, offset, count);
            Bytes.CheckRange(publicKey, publicKeyOffset, PublicKeySize);

            if (!Scalar25519.IsCanonical(signature, signatureOffset + 32))
            {
                return false;
            }
            if (HasSmallOrder(signature, signatureOffset))
            {
                return false;
            }
            if (HasSmallOrder(publicKey, publicKeyOffset))
            {
                return false;
            }
            // -A, so that [S]B + [k](-A) is one double-scalar multiplication.
            if (!_curve.Decode(_scratch, publicKey, publicKeyOffset, true))
            {
                return false;
            }

            _sha.Update(signature, signatureOffset, 32);
            _sha.Update(publicKey, publicKeyOffset, PublicKeySize);
            _sha.Update(message, offset, count);
            _sha.Finish(_digest, 0);
            _scalars.ReduceWide(_k, 0, _digest, 0);

            _curve.OddMultiples(_aTable, _scratch, _point, _scratch2);
            int aTop = _scalars.NonAdjacentForm(_aDigits, _k, 0, AWidth);
            int bTop = _scalars.NonAdjacentForm(_bDigits, signature, signatureOffset + 32, BasePointTables.OddMultiplesWidth);
            _curve.DoubleScalarMultiply(_point, _aDigits, aTop, _aTable, _bDigits, bTop);
            _curve.Encode(_encoded, 0, _point);
            return Bytes.FixedTimeEquals(_encoded, 0, signature, signatureOffset, 32);
        }

        /// <summary>True when the encoding's y (sign bit ignored) is that of a point of order 1, 2, 4 or 8.</summary>
        public static bool HasSmallOrder(byte[] encoding, int offset)
        {
            for (int i = 0; i < SmallOrderEncodings.Length; i++)
            {
                byte[] candidate = SmallOrderEncodings[i];
                int difference = (encoding[offset + 31] & 0x7f) ^ candidate[31];
                for (int j = 0; j < 31; j++)
                {
                    difference |= encoding[offset + j] ^ candidate[j];
                }
                if (difference == 0)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
