// Surface of nanoFramework.System.Net.Http.Client 1.5.209: our own declarations, never run.
// Read in nanoframework/System.Net.Http, tag v1.5.209 (commit 21566e1d7460393b7f4eb45c53f3700d50ae9889),
// nanoFramework.System.Net.Http/Http/ByteArrayContent.cs.
// Declared: the type (StringContent's base) and ByteArrayContent(byte[] content), the constructor StringContent
// chains to. Upstream also has ByteArrayContent(byte[] content, int offset, int count) and the overrides of
// HttpContent's abstract members.
namespace System.Net.Http
{
    public class ByteArrayContent : HttpContent
    {
        public ByteArrayContent(byte[] content)
        {
        }
    }
}
