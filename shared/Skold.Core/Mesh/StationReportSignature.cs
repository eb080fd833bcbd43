using System;
using Skold.Council;
using Skold.Crypto;

namespace Skold.Mesh
{
    /// <summary>
    /// The envelope of a station report on air: u16 station number, the report body, and an
    /// Ed25519 signature by the station's key over "SKOLD-REPORT-v1", a zero byte, the council
    /// id, the station number and the body. Relays forward a report only when the council has
    /// registered that station's key (REGISTRY_UPDATE operation 5) and the signature verifies.
    /// </summary>
    public static class StationReportSignature
    {
        public const int Overhead = 2 + Ed25519.SignatureSize;
        public const int MaxBody = Frame.MaxPayload - Overhead;

        private static readonly byte[] Domain = { 0x53, 0x4b, 0x4f, 0x4c, 0x44, 0x2d, 0x52, 0x45, 0x50, 0x4f, 0x52, 0x54, 0x2d, 0x76, 0x31, 0x00 };

        public static byte[] Seal(CouncilRegistry registry, int stationId, byte[] body, Ed25519PrivateKey stationKey, Ed25519 ed)
        {
            if (body == null || body.Length > MaxBody || stationId < 0 || stationId > 0xffff)
            {
                throw new ArgumentException("a report body is at most " + MaxBody + " bytes, from station 0..65535");
            }
            byte[] report = new byte[2 + body.Length + Ed25519.SignatureSize];
            report[0] = (byte)stationId;
            report[1] = (byte)(stationId >> 8);
            Array.Copy(body, 0, report, 2, body.Length);
            byte[] message = Message(registry, report, 2 + body.Length);
            ed.Sign(stationKey, message, 0, message.Length, report, 2 + body.Length);
            return report;
        }

        public static bool Verify(CouncilRegistry registry, byte[] report, Ed25519 ed)
        {
            if (report == null || report.Length < Overhead)
            {
                return false;
            }
            int stationId = report[0] | (report[1] << 8);
            byte[]? key = registry.StationKey(stationId);
            if (key == null)
            {
                return false;
            }
            int signed = report.Length - Ed25519.SignatureSize;
            byte[] message = Message(registry, report, signed);
            return ed.Verify(report, signed, message, 0, message.Length, key, 0);
        }

        public static int StationOf(byte[] report)
        {
            return report[0] | (report[1] << 8);
        }

        private static byte[] Message(CouncilRegistry registry, byte[] report, int signedLength)
        {
            byte[] message = new byte[Domain.Length + 32 + signedLength];
            Array.Copy(Domain, message, Domain.Length);
            Array.Copy(registry.CouncilId, 0, message, Domain.Length, 32);
            Array.Copy(report, 0, message, Domain.Length + 32, signedLength);
            return message;
        }
    }
}
