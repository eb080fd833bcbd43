// Surface of nanoFramework.System.Net.Http.Client 1.5.209: our own declarations, never run.
// Read in nanoframework/System.Net.Http, tag v1.5.209 (commit 21566e1d7460393b7f4eb45c53f3700d50ae9889),
// nanoFramework.System.Net.Http/Http/StringContent.cs.
// Declared: StringContent(string content, Encoding encoding, string mediaType), the one the kiosk uses.
// Upstream also has StringContent(string) and StringContent(string, Encoding). (Upstream always encodes with the
// given encoding, default UTF-8, and labels the content charset "utf-8".)
using System.Text;

namespace System.Net.Http
{
    public class StringContent : ByteArrayContent
    {
        public StringContent(string content, Encoding encoding, string mediaType) : base(null)
        {
        }
    }
}
