using CiteWeb.Core.Model;

namespace CiteWeb.Core.Transforms;

/// <summary>
/// The cleanup pipeline of <c>export --clean</c>: every transform, ordered so each runs after those it depends
/// on. It returns the changes made; run it on clones for a dry run.
/// </summary>
public sealed class Cleaner
{
    public static IReadOnlyList<ITransform> All { get; } = Order(
    [
        new Whitespace(), new DoiBare(), new Urls(), new PageRanges(), new ProtectCapitals(), new Duplicates(), new CitationKeys(),
    ]);

    public IReadOnlyList<ITransform> Transforms { get; }

    public Cleaner(IEnumerable<ITransform>? transforms = null) => Transforms = transforms is null ? All : Order(transforms);

    public IReadOnlyList<FieldChange> Run(IList<Reference> references, TransformContext context)
    {
        var changes = new List<FieldChange>();
        // Consecutive per-reference cleanups share one pass over the references; each reports as if alone.
        var batch = new List<IReferenceCleanup>();
        for (int i = 0; i < Transforms.Count; i++)
        {
            var t = Transforms[i];
            if (t is IReferenceCleanup perReference)
            {
                batch.Add(perReference);
                continue;
            }
            RunBatch();
            // Citation keys are made of what duplicates are matched by (first creator, title, year): right after
            // the duplicates cleanup, they are worked out in its pass, which has read all that already.
            if (t is Duplicates duplicates && i + 1 < Transforms.Count && Transforms[i + 1] is CitationKeys keys && context.Options.GenerateKeys)
            {
                var citationKeys = new string?[references.Count];
                changes.AddRange(duplicates.Apply(references, context, citationKeys));
                changes.AddRange(keys.Apply(references, context, citationKeys));
                i++;
                continue;
            }
            changes.AddRange(t.Apply(references, context));
        }
        RunBatch();
        return changes;

        void RunBatch()
        {
            if (batch.Count == 0) return;
            changes.AddRange(ReferencePass.Run(batch, references, context));
            batch.Clear();
        }
    }

    /// <summary>Topological order by <see cref="ITransform.DependsOn"/>; ties keep the given order. A cycle is a bug here.</summary>
    public static IReadOnlyList<ITransform> Order(IEnumerable<ITransform> transforms)
    {
        var list = transforms.ToList();
        var byName = list.ToDictionary(t => t.Name);
        var ordered = new List<ITransform>(list.Count);
        var state = new Dictionary<string, int>();
        void Visit(ITransform t)
        {
            switch (state.GetValueOrDefault(t.Name))
            {
                case 2: return;
                case 1: throw new InvalidOperationException($"cleanup '{t.Name}' depends on itself");
            }
            state[t.Name] = 1;
            foreach (var d in t.DependsOn) if (byName.TryGetValue(d, out var dep)) Visit(dep);
            state[t.Name] = 2;
            ordered.Add(t);
        }
        foreach (var t in list) Visit(t);
        return ordered;
    }
}
