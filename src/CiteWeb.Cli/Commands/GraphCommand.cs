using System.ComponentModel;
using CiteWeb.Core.Network;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CiteWeb.Cli.Commands;

public sealed class GraphSettings : IndexLocationSettings
{
    [CommandOption("--kind <KIND>")]
    [Description("works (co-citation of works), authors (author co-citation) or coupling (bibliographic coupling)")]
    [DefaultValue("works")]
    public string Kind { get; init; } = "works";

    [CommandOption("--to <FORMAT>")]
    [Description("gexf (1.3), graphml, pajek, vosviewer (map OUT and network OUT-network; .json: VOSviewer Online)")]
    public string? To { get; init; }

    [CommandOption("-o|--output <OUT>")]
    [Description("The file to write")]
    public string? Output { get; init; }

    [CommandOption("--min <N>")]
    [Description("Only edges counted at least N times. Default: 1")]
    [DefaultValue(1)]
    public int Min { get; init; } = 1;

    public override ValidationResult Validate() =>
        Kind is not ("works" or "authors" or "coupling") ? ValidationResult.Error($"--kind must be works, authors or coupling, not '{Kind}'")
        : To is not ("gexf" or "graphml" or "pajek" or "vosviewer") ? ValidationResult.Error("--to must be gexf, graphml, pajek or vosviewer")
        : string.IsNullOrEmpty(Output) ? ValidationResult.Error("-o OUT is required")
        : ValidationResult.Success();
}

/// <summary><c>citeweb graph</c>: a citation network of the index, written by the network writers of Core.</summary>
public sealed class GraphCommand(CliIO io) : Command<GraphSettings>
{
    public override int Execute(CommandContext context, GraphSettings settings, CancellationToken cancellationToken)
    {
        using var index = IndexCommand.OpenExisting(io, settings.Index);
        var corpus = index.ToCorpus();
        int min = Math.Max(1, settings.Min);
        var graph = settings.Kind switch
        {
            "authors" => Graph.Authors(corpus, minEdge: min),
            "coupling" => Graph.Coupling(corpus, minEdge: min),
            _ => Graph.Works(corpus, minEdge: min),
        };
        var output = io.Resolve(settings.Output!);
        void Text(string path, Action<TextWriter> write) => InputFiles.WriteAtomically(path, s =>
        {
            using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), leaveOpen: true);
            write(w);
        });
        switch (settings.To)
        {
            case "gexf": InputFiles.WriteAtomically(output, s => GraphWriters.Gexf13(graph, s)); break;
            case "graphml": InputFiles.WriteAtomically(output, s => GraphWriters.GraphMl(graph, s)); break;
            case "pajek": Text(output, w => GraphWriters.Pajek(graph, w)); break;
            default:
                if (Path.GetExtension(output).Equals(".json", StringComparison.OrdinalIgnoreCase))
                    InputFiles.WriteAtomically(output, s => GraphWriters.VosViewerOnlineJson(graph, s));
                else
                {
                    Text(output, w => GraphWriters.VosViewerMap(graph, w));
                    var network = Path.Combine(Path.GetDirectoryName(output)!, Path.GetFileNameWithoutExtension(output) + "-network" + Path.GetExtension(output));
                    Text(network, w => GraphWriters.VosViewerNetwork(graph, w));
                }
                break;
        }
        io.Out.WriteLine($"{settings.Kind} network: {graph.Nodes.Count} nodes, {graph.Edges.Count} edges; written to {settings.Output}");
        return ExitCodes.Success;
    }
}
