using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using VoiceForD365.Core.Registration;

namespace VoiceForD365.Solution.Packing;

/// <summary>What a shipped assembly (the net462 build Dataverse loads) declares: its identity and its registrable types.</summary>
public sealed record ShippedAssembly(string Path, string Name, Version Version, string Culture, string PublicKeyToken, IReadOnlyList<ShippedType> Types)
{
    /// <summary>The assembly's TargetFrameworkAttribute, e.g. ".NETFramework,Version=v4.6.2" ("" when it has none).</summary>
    public string TargetFramework { get; init; } = "";

    /// <summary>Built with optimizations (a Release build): its DebuggableAttribute does not disable the JIT optimizer.</summary>
    public bool IsOptimized { get; init; }

    /// <summary>The display name Dataverse registers the assembly under.</summary>
    public string FullName => $"{Name}, Version={Version}, Culture={Culture}, PublicKeyToken={PublicKeyToken}";

    public IEnumerable<ShippedType> Plugins => Types.Where(t => t.Kind == ShippedTypeKind.Plugin);

    public IEnumerable<ShippedType> WorkflowActivities => Types.Where(t => t.Kind == ShippedTypeKind.WorkflowActivity);
}

public enum ShippedTypeKind
{
    /// <summary>Implements Microsoft.Xrm.Sdk.IPlugin.</summary>
    Plugin,

    /// <summary>Derives from System.Activities.CodeActivity (a custom workflow activity).</summary>
    WorkflowActivity,
}

/// <summary>A public, concrete plug-in or workflow activity class and the registrations declared on it.</summary>
public sealed record ShippedType(string FullName, ShippedTypeKind Kind, IReadOnlyList<StepDeclaration> Steps, CustomApiDeclaration? CustomApi, WorkflowActivityDeclaration? Activity)
{
    /// <summary>A workflow activity's arguments: its InArgument&lt;T&gt; and OutArgument&lt;T&gt; properties.</summary>
    public IReadOnlyList<ActivityArgument> Arguments { get; init; } = [];

    public string ShortName => FullName[(FullName.LastIndexOfAny(['.', '+']) + 1)..];
}

/// <summary>A <see cref="PluginStepAttribute"/> as compiled into the assembly.</summary>
public sealed record StepDeclaration(string Message, string Table, PipelineStage Stage, ExecutionMode Mode)
{
    public string FilteringAttributes { get; init; } = "";

    public string PreImageName { get; init; } = "";

    public string PreImageAttributes { get; init; } = "";

    public string PostImageName { get; init; } = "";

    public string PostImageAttributes { get; init; } = "";

    public int Order { get; init; } = 1;

    public string Description { get; init; } = "";
}

/// <summary>A <see cref="CustomApiAttribute"/> with its request parameters and response properties.</summary>
public sealed record CustomApiDeclaration(string UniqueName, string DisplayName, string Description, bool IsFunction,
    IReadOnlyList<CustomApiFieldDeclaration> RequestParameters, IReadOnlyList<CustomApiFieldDeclaration> ResponseProperties);

public sealed record CustomApiFieldDeclaration(string UniqueName, CustomApiFieldType Type, string Description, bool IsOptional);

public enum ArgumentDirection
{
    In,
    Out,
}

/// <summary>A workflow activity argument: property name, direction and the full name of T (System.String, Microsoft.Xrm.Sdk.EntityReference...).</summary>
public sealed record ActivityArgument(string Name, ArgumentDirection Direction, string TypeName);

/// <summary>How a workflow activity shows in the process designer: its name and the group (submenu) it appears under.</summary>
public sealed record WorkflowActivityDeclaration(string Name, string GroupName, string Description);

/// <summary>
/// Reads a shipped assembly with System.Reflection.Metadata only: nothing is loaded or executed, and neither the .NET
/// Framework nor the SDK reference assemblies are needed. Registration attributes are recognised by their full type
/// name (Core's registration sources are compiled into every shipped assembly).
/// </summary>
public static class ShippedAssemblyReader
{
    private static readonly string StepAttribute = typeof(PluginStepAttribute).FullName!;
    private static readonly string ApiAttribute = typeof(CustomApiAttribute).FullName!;
    private static readonly string RequestParameterAttribute = typeof(CustomApiRequestParameterAttribute).FullName!;
    private static readonly string ResponsePropertyAttribute = typeof(CustomApiResponsePropertyAttribute).FullName!;

    private static readonly string ActivityAttribute = typeof(WorkflowActivityAttribute).FullName!;

    private const string PluginInterface = "Microsoft.Xrm.Sdk.IPlugin";
    private const string CodeActivityBase = "System.Activities.CodeActivity";

    public static ShippedAssembly Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var pe = new PEReader(File.OpenRead(path));
        if (!pe.HasMetadata) throw new BadImageFormatException($"{path} is not a .NET assembly.");
        var md = pe.GetMetadataReader();
        if (!md.IsAssembly) throw new BadImageFormatException($"{path} is a module, not an assembly.");

        var definition = md.GetAssemblyDefinition();
        var name = md.GetString(definition.Name);
        var culture = md.GetString(definition.Culture);
        var types = new List<ShippedType>();
        var decoder = new AttributeTypeProvider(md);
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            if (!IsPublicConcreteClass(type)) continue;
            var kind = KindOf(md, type);
            if (kind is null) continue;
            types.Add(ReadType(md, decoder, handle, kind.Value, name));
        }
        types.Sort((a, b) => string.CompareOrdinal(a.FullName, b.FullName));
        var targetFramework = "";
        var optimized = true;
        foreach (var attributeHandle in definition.GetCustomAttributes())
        {
            var attribute = md.GetCustomAttribute(attributeHandle);
            switch (AttributeTypeName(md, attribute))
            {
                case "System.Runtime.Versioning.TargetFrameworkAttribute":
                    targetFramework = attribute.DecodeValue(decoder).FixedArguments[0].Value as string ?? "";
                    break;
                case "System.Diagnostics.DebuggableAttribute":
                    var arguments = attribute.DecodeValue(decoder).FixedArguments;
                    // DebuggableAttribute(DebuggingModes) or (bool isJITTrackingEnabled, bool isJITOptimizerDisabled).
                    optimized = arguments.Length == 1
                        ? (Convert.ToInt32(arguments[0].Value, System.Globalization.CultureInfo.InvariantCulture) & DisableOptimizations) == 0
                        : arguments.Length == 2 && arguments[1].Value is false;
                    break;
            }
        }
        return new ShippedAssembly(path, name, definition.Version, culture.Length == 0 ? "neutral" : culture,
            PublicKeyTokenOf(md.GetBlobBytes(definition.PublicKey)), types)
        {
            TargetFramework = targetFramework,
            IsOptimized = optimized,
        };
    }

    /// <summary>DebuggableAttribute.DebuggingModes.DisableOptimizations.</summary>
    private const int DisableOptimizations = 0x100;

    private static ShippedType ReadType(MetadataReader md, AttributeTypeProvider decoder, TypeDefinitionHandle handle, ShippedTypeKind kind, string assemblyName)
    {
        var type = md.GetTypeDefinition(handle);
        var steps = new List<StepDeclaration>();
        (string Name, string DisplayName, string Description, bool IsFunction)? api = null;
        var requestParameters = new List<CustomApiFieldDeclaration>();
        var responseProperties = new List<CustomApiFieldDeclaration>();
        WorkflowActivityDeclaration? activity = null;
        foreach (var attributeHandle in type.GetCustomAttributes())
        {
            var attribute = md.GetCustomAttribute(attributeHandle);
            var attributeType = AttributeTypeName(md, attribute);
            if (attributeType is null) continue;
            if (attributeType == StepAttribute)
            {
                var value = attribute.DecodeValue(decoder);
                var named = Named(value);
                steps.Add(new StepDeclaration((string)value.FixedArguments[0].Value!, (string)value.FixedArguments[1].Value!,
                    (PipelineStage)(int)value.FixedArguments[2].Value!, (ExecutionMode)(int)value.FixedArguments[3].Value!)
                {
                    FilteringAttributes = Text(named, nameof(PluginStepAttribute.FilteringAttributes)),
                    PreImageName = Text(named, nameof(PluginStepAttribute.PreImageName)),
                    PreImageAttributes = Text(named, nameof(PluginStepAttribute.PreImageAttributes)),
                    PostImageName = Text(named, nameof(PluginStepAttribute.PostImageName)),
                    PostImageAttributes = Text(named, nameof(PluginStepAttribute.PostImageAttributes)),
                    Order = named.TryGetValue(nameof(PluginStepAttribute.Order), out var order) && order is int o ? o : 1,
                    Description = Text(named, nameof(PluginStepAttribute.Description)),
                });
            }
            else if (attributeType == ApiAttribute)
            {
                var value = attribute.DecodeValue(decoder);
                var named = Named(value);
                api = ((string)value.FixedArguments[0].Value!, Text(named, nameof(CustomApiAttribute.DisplayName)),
                    Text(named, nameof(CustomApiAttribute.Description)), named.TryGetValue(nameof(CustomApiAttribute.IsFunction), out var f) && f is true);
            }
            else if (attributeType == RequestParameterAttribute || attributeType == ResponsePropertyAttribute)
            {
                var value = attribute.DecodeValue(decoder);
                var named = Named(value);
                var field = new CustomApiFieldDeclaration((string)value.FixedArguments[0].Value!, (CustomApiFieldType)(int)value.FixedArguments[1].Value!,
                    Text(named, "Description"), named.TryGetValue(nameof(CustomApiRequestParameterAttribute.IsOptional), out var optional) && optional is true);
                (attributeType == RequestParameterAttribute ? requestParameters : responseProperties).Add(field);
            }
            else if (attributeType == ActivityAttribute)
            {
                var value = attribute.DecodeValue(decoder);
                var named = Named(value);
                activity = new WorkflowActivityDeclaration((string)value.FixedArguments[0].Value!, (string)value.FixedArguments[1].Value!,
                    Text(named, nameof(WorkflowActivityAttribute.Description)));
            }
        }
        var fullName = FullNameOf(md, handle);
        if (kind == ShippedTypeKind.WorkflowActivity)
            activity ??= new WorkflowActivityDeclaration(fullName[(fullName.LastIndexOf('.') + 1)..], "", "");
        if (kind == ShippedTypeKind.WorkflowActivity && activity!.GroupName.Length == 0)
            activity = activity with { GroupName = $"{assemblyName} ({md.GetAssemblyDefinition().Version})" };
        var customApi = api is { } a ? new CustomApiDeclaration(a.Name, a.DisplayName, a.Description, a.IsFunction, requestParameters, responseProperties) : null;
        return new ShippedType(fullName, kind, steps, customApi, activity)
        {
            Arguments = kind == ShippedTypeKind.WorkflowActivity ? ArgumentsOf(md, handle) : [],
        };
    }

    private static IReadOnlyDictionary<string, object?> Named(CustomAttributeValue<AttributeType> value) =>
        value.NamedArguments.Where(a => a.Name is not null).ToDictionary(a => a.Name!, a => a.Value, StringComparer.Ordinal);

    private static string Text(IReadOnlyDictionary<string, object?> named, string key) =>
        named.TryGetValue(key, out var value) && value is string s ? s : "";

    /// <summary>The InArgument&lt;T&gt;/OutArgument&lt;T&gt; properties of the class and its base classes in this assembly.</summary>
    private static IReadOnlyList<ActivityArgument> ArgumentsOf(MetadataReader md, TypeDefinitionHandle handle)
    {
        var arguments = new List<ActivityArgument>();
        var provider = new SignatureNameProvider();
        for (var current = handle; !current.IsNil;)
        {
            var type = md.GetTypeDefinition(current);
            foreach (var propertyHandle in type.GetProperties())
            {
                var property = md.GetPropertyDefinition(propertyHandle);
                var signature = property.DecodeSignature(provider, null);
                var returnType = signature.ReturnType;
                var direction = returnType.StartsWith("System.Activities.InArgument`1<", StringComparison.Ordinal) ? ArgumentDirection.In
                    : returnType.StartsWith("System.Activities.OutArgument`1<", StringComparison.Ordinal) ? ArgumentDirection.Out
                    : (ArgumentDirection?)null;
                if (direction is null) continue;
                var typeArgument = returnType[(returnType.IndexOf('<') + 1)..^1];
                arguments.Add(new ActivityArgument(md.GetString(property.Name), direction.Value, typeArgument));
            }
            current = type.BaseType.Kind == HandleKind.TypeDefinition ? (TypeDefinitionHandle)type.BaseType : default;
        }
        return arguments;
    }

    private static bool IsPublicConcreteClass(TypeDefinition type)
    {
        var attributes = type.Attributes;
        var visibility = attributes & TypeAttributes.VisibilityMask;
        if (visibility != TypeAttributes.Public && visibility != TypeAttributes.NestedPublic) return false;
        return (attributes & (TypeAttributes.Interface | TypeAttributes.Abstract)) == 0;
    }

    /// <summary>Plug-in if the class or a base class in this assembly implements IPlugin; activity if it derives from CodeActivity.</summary>
    private static ShippedTypeKind? KindOf(MetadataReader md, TypeDefinition type)
    {
        for (var depth = 0; depth < 32; depth++)
        {
            foreach (var implementation in type.GetInterfaceImplementations())
            {
                if (NameOf(md, md.GetInterfaceImplementation(implementation).Interface) == PluginInterface) return ShippedTypeKind.Plugin;
            }
            var baseType = type.BaseType;
            if (baseType.IsNil) return null;
            if (baseType.Kind == HandleKind.TypeDefinition)
            {
                type = md.GetTypeDefinition((TypeDefinitionHandle)baseType);
                continue;
            }
            return NameOf(md, baseType) == CodeActivityBase ? ShippedTypeKind.WorkflowActivity : null;
        }
        return null;
    }

    private static string? AttributeTypeName(MetadataReader md, CustomAttribute attribute) => attribute.Constructor.Kind switch
    {
        HandleKind.MethodDefinition => FullNameOf(md, md.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType()),
        HandleKind.MemberReference => NameOf(md, md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent),
        _ => null,
    };

    private static string? NameOf(MetadataReader md, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => FullNameOf(md, (TypeDefinitionHandle)handle),
        HandleKind.TypeReference => FullNameOf(md, (TypeReferenceHandle)handle),
        _ => null,
    };

    internal static string FullNameOf(MetadataReader md, TypeDefinitionHandle handle)
    {
        var type = md.GetTypeDefinition(handle);
        var name = md.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil) return FullNameOf(md, declaring) + "+" + name;
        var ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static string FullNameOf(MetadataReader md, TypeReferenceHandle handle)
    {
        var type = md.GetTypeReference(handle);
        var name = md.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference) return FullNameOf(md, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
        var ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>The public key token: the last 8 bytes of the key's SHA-1, reversed ("null" for an unsigned assembly).</summary>
    internal static string PublicKeyTokenOf(byte[] publicKey)
    {
        if (publicKey.Length == 0) return "null";
        var hash = SHA1.HashData(publicKey);
        var token = hash[^8..];
        Array.Reverse(token);
        return Convert.ToHexString(token).ToLowerInvariant();
    }

    /// <summary>Type signatures as names: Namespace.Name, generic instances as Name`1&lt;Argument&gt; (nullable annotations do not exist in metadata).</summary>
    private sealed class SignatureNameProvider : ISignatureTypeProvider<string, object?>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => FullNameOf(reader, handle);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => FullNameOf(reader, handle);

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => $"{genericType}<{string.Join(",", typeArguments)}>";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetFunctionPointerType(MethodSignature<string> signature) => "method";

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
    }

    /// <summary>Attribute argument types as the decoder needs them: enough to decode strings, primitives and enums.</summary>
    internal sealed record AttributeType(string Name, PrimitiveTypeCode? Primitive);

    private sealed class AttributeTypeProvider(MetadataReader md) : ICustomAttributeTypeProvider<AttributeType>
    {
        public AttributeType GetPrimitiveType(PrimitiveTypeCode typeCode) => new(typeCode.ToString(), typeCode);

        public AttributeType GetSystemType() => new("System.Type", null);

        public AttributeType GetSZArrayType(AttributeType elementType) => new(elementType.Name + "[]", null);

        public AttributeType GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => new(FullNameOf(reader, handle), null);

        public AttributeType GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => new(FullNameOf(reader, handle), null);

        public AttributeType GetTypeFromSerializedName(string name) => new(name.Split(',')[0].Trim(), null);

        public bool IsSystemType(AttributeType type) => type.Name == "System.Type";

        /// <summary>Enums declared in the assembly: the type of their value__ field; any other enum is taken as Int32.</summary>
        public PrimitiveTypeCode GetUnderlyingEnumType(AttributeType type)
        {
            foreach (var handle in md.TypeDefinitions)
            {
                if (FullNameOf(md, handle) != type.Name) continue;
                foreach (var fieldHandle in md.GetTypeDefinition(handle).GetFields())
                {
                    var field = md.GetFieldDefinition(fieldHandle);
                    if ((field.Attributes & FieldAttributes.Static) != 0) continue;
                    var signature = md.GetBlobReader(field.Signature);
                    signature.ReadSignatureHeader();
                    return signature.ReadSignatureTypeCode() switch
                    {
                        SignatureTypeCode.SByte => PrimitiveTypeCode.SByte,
                        SignatureTypeCode.Byte => PrimitiveTypeCode.Byte,
                        SignatureTypeCode.Int16 => PrimitiveTypeCode.Int16,
                        SignatureTypeCode.UInt16 => PrimitiveTypeCode.UInt16,
                        SignatureTypeCode.UInt32 => PrimitiveTypeCode.UInt32,
                        SignatureTypeCode.Int64 => PrimitiveTypeCode.Int64,
                        SignatureTypeCode.UInt64 => PrimitiveTypeCode.UInt64,
                        _ => PrimitiveTypeCode.Int32,
                    };
                }
            }
            return PrimitiveTypeCode.Int32;
        }
    }
}
