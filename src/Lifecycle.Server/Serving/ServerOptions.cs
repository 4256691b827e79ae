namespace Lifecycle.Server.Serving;

/// <summary>How <c>lifecycle serve</c> runs: for which repository, on which address.</summary>
/// <param name="Repository">The working tree's root.</param>
public sealed record ServerOptions(string Repository)
{
    /// <summary>Loopback on a port the system picks; <c>.lifecycle/server.json</c> says which.</summary>
    public const string DefaultUrls = "http://127.0.0.1:0";

    /// <summary>Largest request body accepted (events, definitions, inputs); larger ones get 413.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Where Kestrel listens (<c>--urls</c>, ';'-separated as ASP.NET Core reads them).</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Binding to an address other than loopback was asked for explicitly (<c>--allow-remote</c>).</summary>
    public bool AllowRemote { get; init; }

    /// <summary>Write log events to the console too (the <c>serve</c> command); tests keep only the file.</summary>
    public bool LogToConsole { get; init; } = true;

    /// <summary>
    /// Give the memory start-up used back to the system once started (<see cref="StartupTrim"/>):
    /// the <c>serve</c> process owns its heap; a host in another program's process (tests) does not.
    /// </summary>
    public bool TrimMemoryAfterStart { get; init; } = true;

    /// <summary>
    /// Run the retention sweep once in the background as the server starts (<see cref="Instances.RetentionAtStartup"/>);
    /// tests of the sweep itself turn it off, so that it cannot delete what they are about to count.
    /// </summary>
    public bool SweepAtStartup { get; init; } = true;

    /// <summary>How the scheduler runs (intervals; tests shorten them).</summary>
    public Scheduling.SchedulingOptions Scheduling { get; init; } = new();
}
