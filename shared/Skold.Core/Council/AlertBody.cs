using System;
using Skold.Codec;

namespace Skold.Council
{
    /// <summary>ALERT: a message to everyone in an area. Body: severity byte, area varint, text.</summary>
    public sealed class AlertBody : IOrderBody
    {
        public const int Information = 0;
        public const int Advisory = 1;
        public const int Warning = 2;
        public const int Danger = 3;
        public const int Evacuate = 4;
        public const int MaxTextBytes = 1000;

        private static readonly string[] SeverityNames = { "information", "advisory", "warning", "danger", "evacuate" };

        public AlertBody(int severity, int area, string text)
        {
            if (severity < Information || severity > Evacuate)
            {
                throw new ArgumentOutOfRangeException(nameof(severity), "severity is 0 (information) to 4 (evacuate)");
            }
            if (area < 0 || area > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(area), "an area code is 0 to 65535; 0 is the whole municipality");
            }
            if (text == null || text.Length == 0)
            {
                throw new ArgumentException("an alert needs a text", nameof(text));
            }
            if (TextCodec.Encode(text).Length > MaxTextBytes)
            {
                throw new ArgumentException("alert text is longer than " + MaxTextBytes + " bytes", nameof(text));
            }
            Severity = severity;
            Area = area;
            Text = text;
        }

        public int Severity { get; }

        /// <summary>0 is the whole municipality; other codes are the council's area list.</summary>
        public int Area { get; }

        public string Text { get; }

        public static string SeverityName(int severity)
        {
            return severity >= 0 && severity < SeverityNames.Length ? SeverityNames[severity] : "severity " + severity;
        }

        public static int ParseSeverity(string name)
        {
            for (int i = 0; i < SeverityNames.Length; i++)
            {
                if (SeverityNames[i] == name)
                {
                    return i;
                }
            }
            return -1;
        }

        public void Write(ByteWriter writer)
        {
            writer.WriteByte(Severity);
            writer.WriteVarUInt((uint)Area);
            writer.WriteText(Text);
        }

        public static AlertBody Read(ByteReader reader)
        {
            int severity = reader.ReadByte("alert severity");
            if (severity > Evacuate)
            {
                throw new MalformedDataException("alert severity: " + severity + " is not 0..4");
            }
            int area = reader.ReadVarInt("alert area", 0, 65535);
            string text = reader.ReadText("alert text", MaxTextBytes);
            if (text.Length == 0)
            {
                throw new MalformedDataException("alert text: empty");
            }
            return new AlertBody(severity, area, text);
        }
    }
}
