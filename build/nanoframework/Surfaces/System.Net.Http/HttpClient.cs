// Surface of nanoFramework.System.Net.Http.Client 1.5.209: our own declarations, never run.
// Read in nanoframework/System.Net.Http, tag v1.5.209 (commit 21566e1d7460393b7f4eb45c53f3700d50ae9889),
// nanoFramework.System.Net.Http/Http/HttpClient.cs.
// Declared: HttpClient() (upstream: base(new HttpClientHandler(), true)), BaseAddress and Timeout (public get
// and set), Get(string requestUri), Post(string requestUri, HttpContent content). Upstream also has
// DefaultRequestHeaders, HttpsAuthentCert, SslProtocols, SslVerification, Delete, Get(string, HttpCompletionOption),
// Patch, Put, GetByteArray, GetStream, GetString, Send overloads.
namespace System.Net.Http
{
    public class HttpClient : HttpMessageInvoker
    {
        public HttpClient() : base(null, true)
        {
        }

        public Uri BaseAddress
        {
            get { throw null; }
            set { }
        }

        public TimeSpan Timeout
        {
            get { throw null; }
            set { }
        }

        public HttpResponseMessage Get(string requestUri)
        {
            throw null;
        }

        public HttpResponseMessage Post(string requestUri, HttpContent content)
        {
            throw null;
        }
    }
}
