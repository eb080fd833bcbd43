// Surface of nanoFramework.System.Text 1.3.42: our own declarations, never run.
// Read in nanoframework/System.Text, tag v1.3.42 (commit a231e6e090940b21dc8a1593ffc09179f08ff1b0),
// nanoFramework.System.Text/Text/Encoding.cs. Declared: the type and Encoding.UTF8 (HttpLedger passes it to
// StringContent). Upstream's abstract GetDecoder and virtual GetBytes/GetChars/GetString are left out.
namespace System.Text
{
    public abstract class Encoding
    {
        public static Encoding UTF8
        {
            get { throw null; }
        }
    }
}
