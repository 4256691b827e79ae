using System.Reflection;
using System.Runtime.InteropServices;
using LibGit2Sharp;

namespace Lifecycle.Activities.Git.Trees;

/// <summary>
/// Raw reads from a repository's object database through the libgit2 library LibGit2Sharp already
/// loaded: an object's inflated bytes, which LibGit2Sharp does not expose.
/// </summary>
/// <remarks>
/// Five libgit2 functions with plain arguments (<c>git_odb_open</c>, <c>git_odb_read</c>, the
/// object's data and size, and the two frees). The library is the one LibGit2Sharp ships; when it
/// cannot be found or a read fails, callers fall back to LibGit2Sharp. Not thread-safe: one per
/// workspace.
/// </remarks>
internal sealed class NativeObjects : IDisposable
{
    private const string Library = "lifecycle-libgit2";
    private const int TreeType = 2;

    private IntPtr _odb;

    static NativeObjects() => NativeLibrary.SetDllImportResolver(typeof(NativeObjects).Assembly, Resolve);

    private NativeObjects(IntPtr odb) => _odb = odb;

    /// <summary>Opens the object database in <paramref name="objectsFolder"/> (alternates included); null when libgit2 cannot.</summary>
    public static NativeObjects? Open(string objectsFolder)
    {
        try
        {
            return git_odb_open(out var odb, objectsFolder) == 0 && odb != IntPtr.Zero ? new NativeObjects(odb) : null;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>The inflated content of the tree <paramref name="id"/>; null when it is missing or not a tree.</summary>
    public byte[]? ReadTree(ObjectId id)
    {
        ObjectDisposedException.ThrowIf(_odb == IntPtr.Zero, this);
        var raw = id.RawId;
        if (git_odb_read(out var obj, _odb, raw) != 0 || obj == IntPtr.Zero)
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

    public void Dispose()
    {
        if (_odb != IntPtr.Zero)
        {
            git_odb_free(_odb);
            _odb = IntPtr.Zero;
        }
    }

    // LibGit2Sharp names its library after the libgit2 build it bundles (libgit2-5853918.so); the
    // name is read from LibGit2Sharp so an upgrade of the package keeps working.
    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }

        _ = GlobalSettings.Version; // LibGit2Sharp loads and initializes libgit2 first.
        var bundled = typeof(Repository).Assembly.GetType("LibGit2Sharp.Core.NativeDllName")
            ?.GetField("Name", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) as string;
        return bundled is not null && NativeLibrary.TryLoad(bundled, typeof(Repository).Assembly, null, out var handle)
            ? handle
            : IntPtr.Zero;
    }

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int git_odb_open(out IntPtr odb, [MarshalAs(UnmanagedType.LPUTF8Str)] string objectsFolder);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int git_odb_read(out IntPtr obj, IntPtr odb, byte[] oid);

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
