using CiteWeb.Cli.Commands;
using Spectre.Console.Cli;

namespace CiteWeb.Cli;

/// <summary>The composition root: commands, their help, and the mapping of failures to exit codes.</summary>
public static class CiteWebApp
{
    public static int Run(string[] args, CliIO io, CancellationToken cancellationToken = default)
    {
        var registrar = new SingleInstanceRegistrar(io);
        var app = new CommandApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName("citeweb");
            config.ConfigureConsole(io.OutConsole);
            config.PropagateExceptions();
            config.AddCommand<ParseCommand>("parse")
                .WithDescription("Read bibliographies (.bib, CSL-JSON .json, .ris, printed works-cited lists .txt/.md) and print them structured")
                .WithExample("parse", "bib/fairlearn-docs-refs.bib")
                .WithExample("parse", "bib/luchs-2023-ai-for-all.txt", "--format", "bibtex")
                .WithExample("parse", "refs.bib", "--format", "csl-json");
            config.AddCommand<ExportCommand>("export")
                .WithDescription("Write bibliographies as BibTeX, BibLaTeX, CSL-JSON or RIS, optionally cleaned")
                .WithExample("export", "refs.bib", "--to", "biblatex", "--clean", "-o", "clean.bib")
                .WithExample("export", "refs.bib", "--to", "bibtex", "--clean", "--dry-run");
            config.AddCommand<CheckCommand>("check")
                .WithDescription("Check a manuscript's in-text citations against its works-cited list")
                .WithExample("check", "--works-cited", "bib/luchs-2023-ai-for-all.txt", "--manuscript", "bib/manuscripts/luchs-2023-ai-for-all.txt")
                .WithExample("check", "--works-cited", "refs.bib", "--manuscript", "paper.md", "--format", "markdown", "--ignore", "CW013");
            config.AddCommand<LinkRotCommand>("linkrot")
                .WithDescription("Check every link of the bibliographies for rot: dead, moved, soft-404, blocked")
                .WithExample("linkrot", "bib/luchs-2023-ai-for-all.txt")
                .WithExample("linkrot", "refs.bib", "--format", "html", "-o", "linkrot.html");
            config.AddCommand<EnrichCommand>("enrich")
                .WithDescription("Validate DOIs and find the missing ones through Crossref (attached only when sure)")
                .WithExample("enrich", "bib/luchs-2023-ai-for-all.txt", "--format", "biblatex", "-o", "enriched.bib")
                .WithExample("enrich", "refs.bib", "--offline");
            config.AddCommand<IndexCommand>("index")
                .WithDescription("Index bibliographies (files and folders) in the Lucene index: one bibliography per file; unchanged files are skipped")
                .WithExample("index", "bib")
                .WithExample("index", "refs.bib", "--index", "my-index");
            config.AddCommand<SearchCommand>("search")
                .WithDescription("Search the works of the index (Lucene query syntax; diacritics, case, hyphens and apostrophes folded)")
                .WithExample("search", "dignazio")
                .WithExample("search", "author:crawfrd~ AND year:[2018 TO 2023]", "--format", "json");
            config.AddCommand<CoCiteCommand>("cocite")
                .WithDescription("Rank the works (or authors) cited together with a work (or an author)")
                .WithExample("cocite", "--title", "Discriminating Systems")
                .WithExample("cocite", "--author", "Crawford", "--top", "10", "--format", "json");
            config.AddCommand<CouplingCommand>("coupling")
                .WithDescription("Rank pairs of bibliographies by the works they both cite (bibliographic coupling)")
                .WithExample("coupling")
                .WithExample("coupling", "--bibliography", "luchs-2023-ai-for-all");
            config.AddCommand<WorksCommand>("works")
                .WithDescription("List the works of the index; --duplicates shows the references joined into one work, for review")
                .WithExample("works", "--duplicates");
            config.AddCommand<GraphCommand>("graph")
                .WithDescription("Write a co-citation, author co-citation or coupling network (GEXF, GraphML, Pajek, VOSviewer)")
                .WithExample("graph", "--kind", "works", "--to", "gexf", "-o", "works.gexf");
            config.AddCommand<RunCommand>("run")
                .WithDescription("The main job over a folder (default bib/): parse, clean and export every bibliography, check its manuscripts")
                .WithExample("run", "bib");
        });
        try
        {
            return app.Run(args, cancellationToken);
        }
        catch (UserError e)
        {
            io.Error.WriteLine($"citeweb: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (CommandAppException e)
        {
            io.Error.WriteLine($"citeweb: {e.Message}");
            io.Error.WriteLine("Run 'citeweb --help' for usage.");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            io.Error.WriteLine("citeweb: interrupted");
            return 130;
        }
    }
}

/// <summary>
/// Hands commands the one <see cref="CliIO"/> of this run. Spectre registers its own services (the help provider
/// among them) and asks for them one at a time or as IEnumerable&lt;T&gt;; everything else is constructed.
/// </summary>
internal sealed class SingleInstanceRegistrar(CliIO io) : ITypeRegistrar, ITypeResolver
{
    private readonly Dictionary<Type, List<Func<object>>> _factories = [];

    public void Register(Type service, Type implementation) => Add(service, () => Create(implementation));
    public void RegisterInstance(Type service, object implementation) => Add(service, () => implementation);
    public void RegisterLazy(Type service, Func<object> factory) => Add(service, factory);
    public ITypeResolver Build() => this;

    private void Add(Type service, Func<object> factory)
    {
        if (!_factories.TryGetValue(service, out var list)) _factories[service] = list = [];
        list.Add(factory);
    }

    public object? Resolve(Type? type)
    {
        if (type is null) return null;
        if (type == typeof(CliIO)) return io;
        if (_factories.TryGetValue(type, out var list)) return list[^1]();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            var element = type.GetGenericArguments()[0];
            var items = _factories.TryGetValue(element, out var all) ? all.Select(f => f()).ToArray() : [];
            var array = Array.CreateInstance(element, items.Length);
            for (int i = 0; i < items.Length; i++) array.SetValue(items[i], i);
            return array;
        }
        return type.IsAbstract || type.IsInterface ? null : Create(type);
    }

    private object Create(Type type)
    {
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var args = ctor.GetParameters().Select(p => Resolve(p.ParameterType)).ToArray();
        return ctor.Invoke(args);
    }
}
