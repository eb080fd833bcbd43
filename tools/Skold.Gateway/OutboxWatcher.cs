namespace Skold.Gateway;

/// <summary>
/// A folder the council drops signed orders into (a USB stick, a shared folder). Every file
/// that has stopped growing is checked and sent like `skold order send`, then moved to
/// sent/ or refused/ (with NAME.reason.txt saying why), so nothing is lost or sent twice.
/// Polled once a second: simpler and more dependable on removable media than change events.
/// </summary>
public sealed class OutboxWatcher : IDisposable
{
    private readonly string _folder;
    private readonly CouncilGateway _gateway;
    private readonly Action<string> _log;
    private readonly Dictionary<string, long> _sizes = [];
    private readonly Timer _timer;
    private readonly Lock _gate = new();

    public OutboxWatcher(string folder, CouncilGateway gateway, Action<string> log, TimeSpan? interval = null)
    {
        _folder = Path.GetFullPath(folder);
        _gateway = gateway;
        _log = log;
        Directory.CreateDirectory(_folder);
        Directory.CreateDirectory(Path.Combine(_folder, "sent"));
        Directory.CreateDirectory(Path.Combine(_folder, "refused"));
        TimeSpan every = interval ?? TimeSpan.FromSeconds(1);
        _timer = new Timer(_ => Scan(), null, every, every);
        _log($"outbox {_folder}: watching for order files");
    }

    /// <summary>Checks the folder once: files seen at the same size on the previous scan are sent.</summary>
    public void Scan()
    {
        lock (_gate)
        {
            foreach (string path in Directory.EnumerateFiles(_folder).Order(StringComparer.Ordinal))
            {
                string name = Path.GetFileName(path);
                if (name.StartsWith('.') || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".reason.txt", StringComparison.Ordinal))
                {
                    continue;
                }
                long size;
                try
                {
                    size = new FileInfo(path).Length;
                }
                catch (IOException)
                {
                    continue;
                }
                if (!_sizes.TryGetValue(path, out long before) || before != size)
                {
                    _sizes[path] = size;
                    continue;
                }
                _sizes.Remove(path);
                Send(path, name);
            }
        }
    }

    private void Send(string path, string name)
    {
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            _log($"outbox: cannot read {name}: {e.Message}; trying again");
            return;
        }
        SubmitResult result = _gateway.Submit(OrderText.Unwrap(data), "outbox " + name);
        string target = Path.Combine(_folder, result.Accepted ? "sent" : "refused", name);
        if (File.Exists(target))
        {
            target = Path.Combine(Path.GetDirectoryName(target)!, Path.GetFileNameWithoutExtension(name) + "-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + Path.GetExtension(name));
        }
        File.Move(path, target);
        if (!result.Accepted)
        {
            File.WriteAllText(target + ".reason.txt", result.Reason + "\n");
        }
    }

    public void Dispose() => _timer.Dispose();
}
