namespace CiteWeb.Cli.Tests;

/// <summary>The clone the tests were built from: the nearest folder above the test binaries holding CiteWeb.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CiteWeb.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no CiteWeb.sln above {AppContext.BaseDirectory}");
    }
}
