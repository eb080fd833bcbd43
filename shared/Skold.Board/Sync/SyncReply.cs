using Skold.Codec;

namespace Skold.Board.Sync
{
    /// <summary>
    /// An answer of the ledger's sync endpoints (docs/formats/sync.md): a flat JSON object with
    /// station, acknowledged, head, and after an upload accepted, duplicates and unsigned; or
    /// {"error": "..."}. Read by a small reader of our own that takes numbers, strings (with
    /// escapes) and skips what it does not know, so the kiosk needs no JSON library.
    /// </summary>
    public sealed class SyncReply
    {
        public int Station { get; private set; } = -1;

        public long Acknowledged { get; private set; } = -1;

        public string Head { get; private set; } = "";

        public int Accepted { get; private set; }

        public int Duplicates { get; private set; }

        public int Unsigned { get; private set; }

        public string Error { get; private set; } = "";

        /// <summary>Reads a reply; MalformedDataException when it is not a JSON object of this shape.</summary>
        public static SyncReply Parse(string json)
        {
            SyncReply reply = new SyncReply();
            JsonCursor cursor = new JsonCursor(json == null ? "" : json);
            cursor.Expect('{');
            if (cursor.TryTake('}'))
            {
                cursor.ExpectEnd();
                return reply;
            }
            do
            {
                string name = cursor.ReadString();
                cursor.Expect(':');
                switch (name)
                {
                    case "station":
                        reply.Station = (int)cursor.ReadNumber(0, 0xffff);
                        break;
                    case "acknowledged":
                        reply.Acknowledged = cursor.ReadNumber(0, uint.MaxValue);
                        break;
                    case "head":
                        reply.Head = cursor.ReadString();
                        break;
                    case "accepted":
                        reply.Accepted = (int)cursor.ReadNumber(0, int.MaxValue);
                        break;
                    case "duplicates":
                        reply.Duplicates = (int)cursor.ReadNumber(0, int.MaxValue);
                        break;
                    case "unsigned":
                        reply.Unsigned = (int)cursor.ReadNumber(0, int.MaxValue);
                        break;
                    case "error":
                        reply.Error = cursor.ReadString();
                        break;
                    default:
                        cursor.SkipValue();
                        break;
                }
            }
            while (cursor.TryTake(','));
            cursor.Expect('}');
            cursor.ExpectEnd();
            return reply;
        }

        /// <summary>Reads a reply whose fields station, acknowledged and head must be there.</summary>
        public static SyncReply ParseStatus(string json)
        {
            SyncReply reply = Parse(json);
            if (reply.Station < 0 || reply.Acknowledged < 0 || reply.Head.Length != 64)
            {
                throw new MalformedDataException("sync reply: station, acknowledged and a 64-digit head are required");
            }
            return reply;
        }
    }
}
