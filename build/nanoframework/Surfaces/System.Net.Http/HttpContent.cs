// Surface of nanoFramework.System.Net.Http.Client 1.5.209: our own declarations, never run.
// Read in nanoframework/System.Net.Http, tag v1.5.209 (commit 21566e1d7460393b7f4eb45c53f3700d50ae9889),
// nanoFramework.System.Net.Http/Http/HttpContent.cs.
// Declared: abstract, IDisposable with Dispose() (StringContent is disposed with using), the protected
// constructor, ReadAsString(). Upstream also has Headers, CopyTo, LoadIntoBuffer, ReadAsStream, ReadAsByteArray,
// protected virtual Dispose(bool), CreateContentReadStream, and the abstract TryComputeLength and
// SerializeToStream (left out: the images derive no content type, so nothing overrides them here).
namespace System.Net.Http
{
    public abstract class HttpContent : IDisposable
    {
        protected HttpContent()
        {
        }

        public string ReadAsString()
        {
            throw null;
        }

        public void Dispose()
        {
        }
    }
}
