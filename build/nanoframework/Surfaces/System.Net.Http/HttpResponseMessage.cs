// Surface of nanoFramework.System.Net.Http.Client 1.5.209: our own declarations, never run.
// Read in nanoframework/System.Net.Http, tag v1.5.209 (commit 21566e1d7460393b7f4eb45c53f3700d50ae9889),
// nanoFramework.System.Net.Http/Http/HttpResponseMessage.cs.
// Declared: IDisposable with Dispose() (the kiosk disposes it with using), StatusCode (get only:
// "public HttpStatusCode StatusCode => _statusCode"), Content (public get and set). Upstream also has
// Headers, IsSuccessStatusCode, ReasonPhrase, RequestMessage, Version, two constructors,
// EnsureSuccessStatusCode, protected virtual Dispose(bool).
namespace System.Net.Http
{
    public class HttpResponseMessage : IDisposable
    {
        public HttpContent Content
        {
            get { throw null; }
            set { }
        }

        public HttpStatusCode StatusCode
        {
            get { throw null; }
        }

        public void Dispose()
        {
        }
    }
}
