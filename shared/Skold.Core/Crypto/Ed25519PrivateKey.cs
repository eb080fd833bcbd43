using System;

namespace Skold.Crypto
{
    /// <summary>
    /// An Ed25519 signing key expanded from its seed once (RFC 8032 section 5.1.5), so that
    /// each signature costs one base-point multiplication instead of two. The public key is
    /// derived here, never supplied by a caller, so it cannot disagree with the secret.
    /// </summary>
    public sealed class Ed25519PrivateKey
    {
        private readonly byte[] _publicKey;
        private bool _cleared;

        internal Ed25519PrivateKey(byte[] scalar, byte[] prefix, byte[] publicKey)
        {
            Scalar = scalar;
            Prefix = prefix;
            _publicKey = publicKey;
        }

        internal byte[] Scalar { get; }

        internal byte[] Prefix { get; }

        internal byte[] PublicKey
        {
            get { return _publicKey; }
        }

        /// <summary>A copy of the 32-byte public key.</summary>
        public byte[] GetPublicKey()
        {
            byte[] copy = new byte[_publicKey.Length];
            Array.Copy(_publicKey, copy, copy.Length);
            return copy;
        }

        /// <summary>Overwrites the secret halves; the key cannot sign afterwards.</summary>
        public void Clear()
        {
            Array.Clear(Scalar, 0, Scalar.Length);
            Array.Clear(Prefix, 0, Prefix.Length);
            _cleared = true;
        }

        internal void ThrowIfCleared()
        {
            if (_cleared)
            {
                throw new InvalidOperationException("this Ed25519 key was cleared and can no longer sign");
            }
        }
    }
}
