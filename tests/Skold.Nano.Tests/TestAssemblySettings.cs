using Microsoft.VisualStudio.TestTools.UnitTesting;

// Each probe build has its own output folder, so test classes may run side by side.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel, Workers = 0)]
