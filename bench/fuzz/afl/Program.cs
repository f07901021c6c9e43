using Omstilling.Fuzzing.Targets;
using SharpFuzz;

// bench/fuzz/afl.sh TARGET [minutes]: AFL++ feeds inputs through SharpFuzz's fork server; an exception
// escaping Execute (a crash or a broken oracle, as in the C# fuzzer) is a crash to AFL.
// --seeds TARGET DIR writes the target's seeds for afl-fuzz -i.
if (args is ["--seeds", var name, var directory])
{
    Directory.CreateDirectory(directory);
    var seeds = FuzzTargets.Named(name).Seeds;
    for (var i = 0; i < seeds.Count; i++)
    {
        File.WriteAllBytes(Path.Combine(directory, $"seed-{i:D3}"), seeds[i]);
    }

    return 0;
}

if (args is not [var targetName])
{
    Console.Error.WriteLine("usage: Omstilling.Fuzz.Afl TARGET | --seeds TARGET DIR");
    return 2;
}

// Made on the first input: instrumented code may run only inside Run, which sets up AFL's shared memory.
Omstilling.Fuzzing.Engine.IFuzzTarget? target = null;
Fuzzer.OutOfProcess.Run(stream =>
{
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    target ??= FuzzTargets.Named(targetName);
    target.Execute(copy.ToArray());
});
return 0;
