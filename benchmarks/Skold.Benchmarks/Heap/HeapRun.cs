namespace Skold.Benchmarks.Heap;

/// <summary>What one scenario measured: the live graph after boot and at its peak, and the largest allocation burst in one step.</summary>
internal sealed class HeapRun(string name)
{
    public string Name { get; } = name;

    public HeapCensus? AfterBoot { get; set; }

    public HeapCensus? Peak { get; private set; }

    public int Samples { get; private set; }

    public long MaxStepAllocatedHostBytes { get; private set; }

    public List<string> Facts { get; } = new();

    public void Sample(HeapCensus census)
    {
        Samples++;
        if (Peak is null || census.Total > Peak.Total)
        {
            Peak = census;
        }
    }

    public void NoteStep(long hostBytes) => MaxStepAllocatedHostBytes = Math.Max(MaxStepAllocatedHostBytes, hostBytes);
}
