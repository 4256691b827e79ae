using System.Reflection;
using System.Runtime.InteropServices;
using LibGit2Sharp;

namespace Lifecycle.Activities.Git.Trees;

/// <summary>
/// Raw reads and writes of tree objects in a repository's object database through the libgit2
/// library LibGit2Sharp ships, which LibGit2Sharp does not expose.
/// </summary>
/// <remarks>
/// A handful of libgit2 functions with plain arguments (<c>git_libgit2_init</c>,
/// <c>git_odb_open</c>, <c>git_odb_read</c>, <c>git_odb_write</c>, the object's type, data and
/// size, and the frees). Objects are written loose without fsync, as LibGit2Sharp writes them. When
/// the library or a function cannot be found, <see cref="Open"/> gives null and callers use
/// LibGit2Sharp instead. Not thread-safe: one per workspace.
/// </remarks>
internal sealed class NativeObjects : IDisposable
{
    /// <summary>The name this assembly's imports of LibGit2Sharp's libgit2 use (resolved by <see cref="IsUsable"/>).</summary>
    internal const string Library = "lifecycle-libgit2";
    private const int TreeType = 2;

    private static readonly Lazy<bool> Usable = new(() => RegisterResolver() && git_libgit2_init() >= 0);

    private readonly OdbHandle _odb;

    private NativeObjects(OdbHandle odb) => _odb = odb;

    /// <summary>
    /// True when LibGit2Sharp's libgit2 is loaded and initialised for this assembly's imports
    /// (<see cref="Library"/>); false when it cannot be, and callers do without.
    /// </summary>
    internal static bool IsUsable()
    {
        try
        {
            return Usable.Value;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or MarshalDirectiveException)
        {
            return false;
        }
    }

    /// <summary>How many objects this database read (not counting the process-wide tree cache's hits).</summary>
    public int Reads { get; private set; }

    /// <summary>Opens the object database in <paramref name="objectsFolder"/> (alternates included); null when libgit2 cannot.</summary>
    public static NativeObjects? Open(string objectsFolder)
    {
        try
        {
            if (!Usable.Value)
            {
                return null;
            }

            if (git_odb_open(out var odb, objectsFolder) == 0 && !odb.IsInvalid)
            {
                return new NativeObjects(odb);
            }

            odb.Dispose();
            return null;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or MarshalDirectiveException)
        {
            return null;
        }
    }

    /// <summary>The inflated content of the tree <paramref name="id"/>; null when it is missing or not a tree.</summary>
    public byte[]? ReadTree(RawId id)
    {
        ObjectDisposedException.ThrowIf(_odb.IsClosed, this);
        Reads++;
        if (git_odb_read(out var obj, _odb, id.ToBytes()) != 0 || obj == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            if (git_odb_object_type(obj) != TreeType)
            {
                return null;
            }

            var size = checked((int)git_odb_object_size(obj));
            var bytes = new byte[size];
            if (size > 0)
            {
                Marshal.Copy(git_odb_object_data(obj), bytes, 0, size);
            }

            return bytes;
        }
        finally
        {
            git_odb_object_free(obj);
        }
    }

    /// <summary>Writes a tree object with these bytes (git's tree format); its id, or null when libgit2 refuses.</summary>
    public RawId? WriteTree(byte[] content)
    {
        ObjectDisposedException.ThrowIf(_odb.IsClosed, this);
        var id = new byte[RawId.Length];
        return git_odb_write(id, _odb, content, (nuint)content.Length, TreeType) == 0 ? RawId.From(id) : null;
    }

    public void Dispose() => _odb.Dispose();

    // LibGit2Sharp names its library after the libgit2 build it bundles (libgit2-5853918.so): the
    // name is read from LibGit2Sharp, so an upgrade of the package keeps working, and the library
    // is found where LibGit2Sharp finds it (the same file, so the same loaded copy).
    private static bool RegisterResolver()
    {
        var bundled = typeof(Repository).Assembly.GetType("LibGit2Sharp.Core.NativeDllName")
            ?.GetField("Name", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) as string;
        if (bundled is null)
        {
            return false;
        }

        try
        {
            NativeLibrary.SetDllImportResolver(typeof(NativeObjects).Assembly, (name, _, _) =>
                name == Library && NativeLibrary.TryLoad(bundled, typeof(Repository).Assembly, null, out var handle) ? handle : IntPtr.Zero);
            return true;
        }
        catch (InvalidOperationException)
        {
            // Another resolver owns this assembly's imports: do without.
            return false;
        }
    }

    private sealed class OdbHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
    {
        public override bool IsInvalid => handle == IntPtr.Zero;

        protected override bool ReleaseHandle()
        {
            git_odb_free(handle);
            return true;
        }
    }

    // Reference-counted in libgit2: LibGit2Sharp has normally called it already; this makes sure.
    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int git_libgit2_init();

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int git_odb_open(out OdbHandle odb, [MarshalAs(UnmanagedType.LPUTF8Str)] string objectsFolder);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int git_odb_read(out IntPtr obj, OdbHandle odb, byte[] oid);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int git_odb_write(byte[] oid, OdbHandle odb, byte[] data, nuint length, int type);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr git_odb_object_data(IntPtr obj);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern nuint git_odb_object_size(IntPtr obj);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int git_odb_object_type(IntPtr obj);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern void git_odb_object_free(IntPtr obj);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern void git_odb_free(IntPtr odb);
}
