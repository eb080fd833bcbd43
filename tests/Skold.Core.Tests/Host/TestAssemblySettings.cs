using Microsoft.VisualStudio.TestTools.UnitTesting;

// Test classes run in parallel on the build machines' two cores; each class owns its engines.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel, Workers = 0)]
