using System;

namespace ClovaCodegen.Extensions.AI;

/// <summary>The <c>GetService</c> contract both adapters follow: their metadata, the underlying client, or themselves.</summary>
internal static class AdapterServices
{
    public static object? Get<TMetadata>(object adapter, Type serviceType, object? serviceKey, TMetadata metadata, ClovaStudioClient client)
    {
        if (serviceType is null)
        {
            throw new ArgumentNullException(nameof(serviceType));
        }

        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(TMetadata))
        {
            return metadata;
        }

        if (serviceType == typeof(ClovaStudioClient))
        {
            return client;
        }

        return serviceType.IsInstanceOfType(adapter) ? adapter : null;
    }
}
