namespace Lifecycle.Activities.Tracking;

/// <summary>How far a batch read a claimed spool: saved in its name when the batch completes.</summary>
/// <param name="File">The claimed spool as the batch found it.</param>
/// <param name="Offset">Bytes delivered once the batch completes.</param>
/// <param name="Expired">
/// Claimed longer than <see cref="EventSpool.LateWriteGrace"/> ago: no hook can still be writing
/// to it, so it is deleted once delivered to its end.
/// </param>
internal sealed record SpoolProgress(ClaimedSpool File, long Offset, bool Expired)
{
    public void Save()
    {
        // A file shorter than its offset was cut by something else than a hook: nothing is left to deliver.
        if (Expired && new FileInfo(File.Path).Length <= Offset)
        {
            System.IO.File.Delete(File.Path);
        }
        else if (Offset != File.Offset)
        {
            System.IO.File.Move(File.Path, File.PathAt(Offset));
        }
    }
}
