namespace Lifecycle.Server.Watching;

/// <summary>
/// The file system watches over a work tree: one on its top folder (its files, and folders made or
/// removed there) and one over each top-level folder worth watching, so that <c>.git/</c>,
/// <c>.lifecycle/</c> (the database's write-ahead log changes with every event) and ignored folders
/// such as <c>node_modules/</c> or <c>bin/</c> cost no inotify watch and wake nobody. A folder made
/// at the top is watched from then on; one removed is no longer.
/// </summary>
/// <remarks>
/// A single recursive watch on the root would put an inotify watch on every folder below it and
/// deliver every write to <c>.lifecycle/</c>: a third of the kernel's time while the server recorded
/// 7,000 events/s (docs/PERFORMANCE.md §4), and the inotify limit reached on trees with large
/// ignored folders. Files written in a folder in the instant between its creation and its watch
/// are not seen; the folder itself is.
/// </remarks>
internal sealed class WatchSet : IDisposable
{
    /// <summary>The most files of a new folder reported one by one (<see cref="ReportContents"/>).</summary>
    private const int MaxReported = 1_000;

    private const NotifyFilters Filters = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;

    private readonly string _root;
    private readonly Func<string, bool> _watchesFolder;
    private readonly Action<string> _changed;
    private readonly Action<Exception> _failed;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FileSystemWatcher> _folders = new(StringComparer.Ordinal);
    private FileSystemWatcher? _top;
    private bool _disposed;

    /// <param name="root">The work tree's full path.</param>
    /// <param name="watchesFolder">Whether a top-level folder (its name) is watched.</param>
    /// <param name="changed">A path that changed (full path); a rename gives both of its paths.</param>
    /// <param name="failed">A watch failed or overflowed (<see cref="InternalBufferOverflowException"/>).</param>
    public WatchSet(string root, Func<string, bool> watchesFolder, Action<string> changed, Action<Exception> failed)
    {
        _root = root;
        _watchesFolder = watchesFolder;
        _changed = changed;
        _failed = failed;
    }

    /// <summary>The top-level folders watched, by name.</summary>
    public IReadOnlyList<string> Folders
    {
        get
        {
            lock (_gate)
            {
                return [.. _folders.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Makes the watches.</summary>
    /// <exception cref="IOException">The system refused a watch (on Linux, usually the inotify limit).</exception>
    public void Start()
    {
        var top = Make(_root, recursive: false, watcher =>
        {
            watcher.Created += (_, e) => OnTop(e.FullPath, appeared: true);
            watcher.Deleted += (_, e) => OnTop(e.FullPath, appeared: false);
            watcher.Changed += (_, e) => _changed(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                OnTop(e.OldFullPath, appeared: false);
                OnTop(e.FullPath, appeared: true);
            };
        });
        lock (_gate)
        {
            _top = top;
        }

        Resync();
    }

    /// <summary>Watches the top-level folders that should be and are not, and stops watching those that should no longer be (the ignore rules changed).</summary>
    public void Resync()
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(_root))
        {
            var name = Path.GetFileName(folder);
            present.Add(name);
            if (_watchesFolder(name))
            {
                Add(name);
            }
            else
            {
                Remove(name);
            }
        }

        // A folder whose removal was not seen (an overflow) is no longer watched.
        foreach (var gone in Folders.Where(name => !present.Contains(name)))
        {
            Remove(gone);
        }
    }

    public void Dispose()
    {
        List<FileSystemWatcher> watchers;
        lock (_gate)
        {
            _disposed = true;
            watchers = [.. _folders.Values];
            if (_top is not null)
            {
                watchers.Add(_top);
            }

            _folders.Clear();
            _top = null;
        }

        foreach (var watcher in watchers)
        {
            watcher.EnableRaisingEvents = false;
            watcher.Dispose();
        }
    }

    private void OnTop(string fullPath, bool appeared)
    {
        var name = Path.GetFileName(fullPath);
        if (!appeared)
        {
            Remove(name);
        }
        else if (Directory.Exists(fullPath) && _watchesFolder(name))
        {
            try
            {
                Add(name);
                // What was written into the folder before its watch was made (mkdir -p a/b && cp, a checkout).
                ReportContents(fullPath);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // A folder already gone again needs no watch; any other failure ends the watch (and is scanned for).
                if (Directory.Exists(fullPath))
                {
                    _failed(error);
                }
            }
        }

        _changed(fullPath);
    }

    private void ReportNewFolder(string folder)
    {
        try
        {
            ReportContents(folder);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Gone again already, or unreadable: its own events, if any, still come.
        }
    }

    /// <summary>
    /// Reports each file already in a folder that just got its watch; more than
    /// <see cref="MaxReported"/> is reported as an overflow (the watcher then scans git status).
    /// </summary>
    private void ReportContents(string folder)
    {
        var reported = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
        {
            if (++reported > MaxReported)
            {
                _failed(new InternalBufferOverflowException($"{folder} held more than {MaxReported} files when its watch was made"));
                return;
            }

            _changed(file);
        }
    }

    private void Add(string name)
    {
        var path = Path.Combine(_root, name);
        lock (_gate)
        {
            if (_disposed || _folders.ContainsKey(name))
            {
                return;
            }
        }

        FileSystemWatcher made;
        try
        {
            made = Make(path, recursive: true, Handlers);
        }
        catch (Exception error) when (error is IOException or ArgumentException && !Directory.Exists(path))
        {
            // Gone before its watch was made (a short-lived build folder): nothing to watch.
            return;
        }

        lock (_gate)
        {
            if (!_disposed && _folders.TryAdd(name, made))
            {
                return;
            }
        }

        made.Dispose();
    }

    private void Handlers(FileSystemWatcher watcher)
    {
        // A folder made inside a watched one gets its own inotify watch only once its creation is
        // read, so what a copy writes into it at once may come before that watch: it is reported
        // by looking, as for a new top-level folder.
        watcher.Created += (_, e) =>
        {
            _changed(e.FullPath);
            if (Directory.Exists(e.FullPath))
            {
                ReportNewFolder(e.FullPath);
            }
        };
        watcher.Deleted += (_, e) => _changed(e.FullPath);
        watcher.Changed += (_, e) => _changed(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            _changed(e.OldFullPath);
            _changed(e.FullPath);
        };
    }

    private void Remove(string name)
    {
        FileSystemWatcher? watcher;
        lock (_gate)
        {
            if (!_folders.Remove(name, out watcher))
            {
                return;
            }
        }

        watcher.EnableRaisingEvents = false;
        watcher.Dispose();
    }

    private FileSystemWatcher Make(string path, bool recursive, Action<FileSystemWatcher> handlers)
    {
        var watcher = new FileSystemWatcher(path)
        {
            IncludeSubdirectories = recursive,
            NotifyFilter = Filters,
            InternalBufferSize = 64 * 1024,
        };
        try
        {
            handlers(watcher);
            watcher.Error += (sender, e) =>
            {
                lock (_gate)
                {
                    // A watch already dropped has nothing more to say.
                    if (_disposed || (sender != _top && !_folders.ContainsValue((FileSystemWatcher)sender)))
                    {
                        return;
                    }
                }

                _failed(e.GetException());
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch
        {
            watcher.Dispose();
            throw;
        }
    }
}
