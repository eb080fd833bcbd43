// Surface of nanoFramework.System.IO.FileSystem 1.1.93: our own declarations, never run.
// Read in nanoframework/System.IO.FileSystem, tag v1.1.93 (commit 434b26c6db29708367e4df3f4ea82095ef843372),
// System.IO.FileSystem/FileStream.cs. Base class System.IO.Stream: nanoframework/System.IO.Streams v1.1.96.
// Declared: the constructor (string, FileMode, FileAccess) and the overrides the images call.
namespace System.IO
{
    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode, FileAccess access)
        {
        }

        public override long Length
        {
            get { throw null; }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            throw null;
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            throw null;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
        }
    }
}
