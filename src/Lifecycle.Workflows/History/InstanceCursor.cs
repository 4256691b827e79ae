using System.Globalization;
using Lifecycle.Workflows.Persistence;

namespace Lifecycle.Workflows.History;

/// <summary>
/// Where a listing page ends (keyset paging on creation time then id, newest first): a page
/// neither skips nor repeats an instance when others are created or deleted meanwhile.
/// </summary>
public readonly record struct InstanceCursor(DateTimeOffset CreatedAt, string InstanceId)
{
    /// <summary>The cursor as clients pass it back: <c>ticks.id</c>.</summary>
    public override string ToString() => $"{StoredTime.ToStored(CreatedAt).ToString(CultureInfo.InvariantCulture)}.{InstanceId}";

    /// <summary>Reads a cursor made by <see cref="ToString"/>; false for anything else.</summary>
    public static bool TryParse(string? text, out InstanceCursor cursor)
    {
        cursor = default;
        var dot = text?.IndexOf('.') ?? -1;
        if (dot <= 0 || dot == text!.Length - 1
            || !long.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var stored))
        {
            return false;
        }

        cursor = new InstanceCursor(StoredTime.FromStored(stored), text[(dot + 1)..]);
        return true;
    }
}
