namespace Lifecycle.Activities;

/// <summary>Names this assembly for activity discovery.</summary>
public static class AssemblyMarker
{
}
