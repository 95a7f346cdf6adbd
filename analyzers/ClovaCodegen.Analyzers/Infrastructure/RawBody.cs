using System.Collections.Generic;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>A raw request body and the keys it was given.</summary>
internal sealed class RawBody
{
    public RawBody(IOperation creation, EndpointSpec endpoint, List<(string Key, SyntaxNode Location, IOperation? Value)> keys)
    {
        Creation = creation;
        Endpoint = endpoint;
        Keys = keys;
    }

    public IOperation Creation { get; }

    public EndpointSpec Endpoint { get; }

    /// <summary>The keys in the order written (a list, not an interface, so that a foreach over them allocates nothing).</summary>
    public List<(string Key, SyntaxNode Location, IOperation? Value)> Keys { get; }

    /// <summary>The value written under the key (the first one), or null.</summary>
    public IOperation? ValueOf(string key)
    {
        foreach (var written in Keys)
        {
            if (written.Key == key)
            {
                return written.Value;
            }
        }

        return null;
    }

    /// <summary>Whether any key written is one of these.</summary>
    public bool HasAnyKey(System.Collections.Immutable.ImmutableHashSet<string> keys)
    {
        foreach (var written in Keys)
        {
            if (keys.Contains(written.Key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Each key that names a field of the endpoint.</summary>
    public IEnumerable<FieldWrite> Fields()
    {
        for (var i = 0; i < Keys.Count; i++)
        {
            var (key, location, _) = Keys[i];
            if (Endpoint.FindField(key) is { } field)
            {
                yield return new FieldWrite(location, key, Endpoint, field);
            }
        }
    }
}
