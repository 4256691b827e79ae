namespace Lifecycle.Workflows.Hosting;

/// <summary>What became of a stimulus for one instance.</summary>
internal enum DeliveryOutcome
{
    /// <summary>The instance was resumed here.</summary>
    Resumed,

    /// <summary>The bookmark was gone: another process consumed it first.</summary>
    Consumed,

    /// <summary>Another process kept the instance busy past the wait; the bookmark still waits.</summary>
    Busy,

    /// <summary>The instance could not be loaded and was faulted.</summary>
    Broken,
}
