using System.Runtime.InteropServices;
using Lifecycle.Activities.Git.Trees;

namespace Lifecycle.Activities.Git;

/// <summary>
/// An index file's entry flags (<see cref="IndexEntryFlags"/>) read and written through the
/// libgit2 LibGit2Sharp ships: LibGit2Sharp neither shows them nor keeps them on an entry it adds.
/// </summary>
/// <remarks>
/// Opens the index file on its own (<c>git_index_open</c>), so use it before or after
/// LibGit2Sharp writes the index, never between its changes and its write. libgit2 keeps the
/// flags of every entry it reads and writes. When the library cannot be used, <see cref="Open"/>
/// gives null. Not thread-safe.
/// </remarks>
internal sealed class NativeIndex : IDisposable
{
    private const ushort Valid = 0x8000;
    private const ushort StageMask = 0x3000;
    private const ushort IntentToAdd = 1 << 13;
    private const ushort SkipWorktree = 1 << 14;
    private const int OidLength = 20;
    private const string Library = NativeObjects.Library;

    private static readonly byte[] EmptyBlob = Convert.FromHexString("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");

    private IntPtr _index;

    private NativeIndex(IntPtr index) => _index = index;

    /// <summary>Opens an index file (a missing one reads as empty); null when libgit2 cannot be used or cannot read it.</summary>
    public static NativeIndex? Open(string indexFile)
    {
        if (!NativeObjects.IsUsable())
        {
            return null;
        }

        try
        {
            return git_index_open(out var index, indexFile) == 0 && index != IntPtr.Zero ? new NativeIndex(index) : null;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException or MarshalDirectiveException)
        {
            return null;
        }
    }

    /// <summary>The flags of every entry (stage 0) that has any, by path.</summary>
    public Dictionary<string, IndexEntryFlags> Flagged()
    {
        var flagged = new Dictionary<string, IndexEntryFlags>(StringComparer.Ordinal);
        var count = git_index_entrycount(Handle);
        for (nuint i = 0; i < count; i++)
        {
            var pointer = git_index_get_byindex(Handle, i);
            if (pointer == IntPtr.Zero)
            {
                continue;
            }

            var entry = Marshal.PtrToStructure<Entry>(pointer);
            if ((entry.Flags & StageMask) == 0 && FlagsOf(entry) is not IndexEntryFlags.None and var flags)
            {
                flagged[Marshal.PtrToStringUTF8(entry.Path)!] = flags;
            }
        }

        return flagged;
    }

    /// <summary>The flags of the entry at <paramref name="path"/> (stage 0); null when there is none.</summary>
    public IndexEntryFlags? FlagsAt(string path) =>
        git_index_get_bypath(Handle, path, 0) is var pointer && pointer != IntPtr.Zero ? FlagsOf(Marshal.PtrToStructure<Entry>(pointer)) : null;

    /// <summary>
    /// Gives the entry at <paramref name="path"/> exactly these flags, its content unchanged; an
    /// intent-to-add entry is made (the empty blob, with <paramref name="executable"/>'s mode) when
    /// there is no entry and <see cref="IndexEntryFlags.IntentToAdd"/> is asked.
    /// </summary>
    /// <returns>False when there is no entry to flag, or libgit2 refuses.</returns>
    public bool Set(string path, IndexEntryFlags flags, bool executable = false)
    {
        var pointer = git_index_get_bypath(Handle, path, 0);
        Entry entry;
        if (pointer != IntPtr.Zero)
        {
            entry = Marshal.PtrToStructure<Entry>(pointer);
            if (FlagsOf(entry) == flags)
            {
                return true;
            }
        }
        else if (flags.HasFlag(IndexEntryFlags.IntentToAdd))
        {
            entry = new Entry { Mode = executable ? 0x81EDu : 0x81A4u, Id = EmptyBlob };
        }
        else
        {
            return false;
        }

        entry.Flags = (ushort)((entry.Flags & ~Valid) | (flags.HasFlag(IndexEntryFlags.AssumeUnchanged) ? Valid : 0));
        entry.FlagsExtended = (ushort)((entry.FlagsExtended & ~(IntentToAdd | SkipWorktree))
            | (flags.HasFlag(IndexEntryFlags.IntentToAdd) ? IntentToAdd : 0)
            | (flags.HasFlag(IndexEntryFlags.SkipWorktree) ? SkipWorktree : 0));
        var path8 = Marshal.StringToCoTaskMemUTF8(path);
        try
        {
            entry.Path = path8;
            return git_index_add(Handle, ref entry) == 0;
        }
        finally
        {
            Marshal.FreeCoTaskMem(path8);
        }
    }

    /// <summary>Writes the index file (atomically, through its lock file).</summary>
    /// <returns>False when libgit2 could not (another process holds the lock).</returns>
    public bool Write() => git_index_write(Handle) == 0;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_index != IntPtr.Zero)
        {
            git_index_free(_index);
            _index = IntPtr.Zero;
        }
    }

    private IntPtr Handle => _index != IntPtr.Zero ? _index : throw new ObjectDisposedException(nameof(NativeIndex));

    private static IndexEntryFlags FlagsOf(Entry entry) =>
        ((entry.Flags & Valid) != 0 ? IndexEntryFlags.AssumeUnchanged : IndexEntryFlags.None)
        | ((entry.FlagsExtended & SkipWorktree) != 0 ? IndexEntryFlags.SkipWorktree : IndexEntryFlags.None)
        | ((entry.FlagsExtended & IntentToAdd) != 0 ? IndexEntryFlags.IntentToAdd : IndexEntryFlags.None);

    /// <summary>libgit2's <c>git_index_entry</c> (SHA-1 object ids, as LibGit2Sharp's build uses).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Entry
    {
        public int CtimeSeconds;
        public uint CtimeNanoseconds;
        public int MtimeSeconds;
        public uint MtimeNanoseconds;
        public uint Dev;
        public uint Ino;
        public uint Mode;
        public uint Uid;
        public uint Gid;
        public uint FileSize;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = OidLength)]
        public byte[] Id;
        public ushort Flags;
        public ushort FlagsExtended;
        public IntPtr Path;
    }

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int git_index_open(out IntPtr index, [MarshalAs(UnmanagedType.LPUTF8Str)] string indexPath);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern nuint git_index_entrycount(IntPtr index);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr git_index_get_byindex(IntPtr index, nuint n);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr git_index_get_bypath(IntPtr index, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int stage);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int git_index_add(IntPtr index, ref Entry entry);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int git_index_write(IntPtr index);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern void git_index_free(IntPtr index);
}
