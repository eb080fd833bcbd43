// Surface of nanoFramework.System.IO.Streams 1.1.96: our own declarations, never run.
// Read in nanoframework/System.IO.Streams, tag v1.1.96 (commit e6d0ae8b640fa2b1b701f671801c662d16d9cd00),
// System.IO.Streams/Stream.cs.
// Declared: only the members the images use through FileStream (Length, Flush, Seek, Read, Write, Dispose).
// Upstream also declares CanRead/CanSeek/CanWrite/Position/SetLength/Read(SpanByte) abstract; left out,
// so FileStream (System.IO.FileSystem surface) overrides only the ones declared here.
namespace System.IO
{
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract long Length { get; }

        public void Dispose()
        {
        }

        public abstract void Flush();

        public abstract long Seek(long offset, SeekOrigin origin);

        public abstract int Read(byte[] buffer, int offset, int count);

        public abstract void Write(byte[] buffer, int offset, int count);
    }
}
