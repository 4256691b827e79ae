namespace Lifecycle.Fuzz.Targets;

/// <summary>One reader under fuzz.</summary>
internal interface IFuzzTarget
{
    /// <summary>The name given on the command line, also the corpus folder's name.</summary>
    string Name { get; }

    /// <summary>
    /// Feeds one input to the reader. The reader's documented failures are caught here; anything
    /// else escapes, and SharpFuzz reports it to afl-fuzz as a crash.
    /// </summary>
    void Run(byte[] input);
}
