using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using VoiceForD365.Core.Registration;

namespace VoiceForD365.Solution.Packing;

/// <summary>
/// Reads a shipped assembly with System.Reflection.Metadata only: nothing is loaded or executed, and neither the .NET
/// Framework nor the SDK reference assemblies are needed. Registration attributes are recognised by their full type
/// name (Core's registration sources are compiled into every shipped assembly) and read into Core's registration
/// model (<see cref="StepDeclaration"/>, <see cref="CustomApiDeclaration"/>, <see cref="WorkflowActivityDeclaration"/>).
/// </summary>
public static class ShippedAssemblyReader
{
    /// <summary>Core's registration attributes, by the full name the shipped assembly knows them by.</summary>
    private static readonly IReadOnlyDictionary<string, Type> RegistrationAttributes = new[]
    {
        typeof(PluginStepAttribute), typeof(CustomApiAttribute), typeof(CustomApiRequestParameterAttribute),
        typeof(CustomApiResponsePropertyAttribute), typeof(WorkflowActivityAttribute),
    }.ToDictionary(t => t.FullName!, StringComparer.Ordinal);

    private const string PluginInterface = "Microsoft.Xrm.Sdk.IPlugin";
    private const string CodeActivityBase = "System.Activities.CodeActivity";

    /// <exception cref="PackingException">The file can't be read, or is not a .NET assembly.</exception>
    public static ShippedAssembly Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Stream file;
        try
        {
            file = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PackingException($"Cannot read the assembly {path}: {e.Message}", e);
        }
        using var pe = new PEReader(file);
        try
        {
            return Read(path, pe);
        }
        catch (BadImageFormatException e)
        {
            throw new PackingException($"{path} is not a .NET assembly ({e.Message.TrimEnd('.').ToLowerInvariant()}): give the net462 Release build of a shipped assembly.", e);
        }
    }

    private static ShippedAssembly Read(string path, PEReader pe)
    {
        if (!pe.HasMetadata) throw new BadImageFormatException("no .NET metadata");
        var md = pe.GetMetadataReader();
        if (!md.IsAssembly) throw new PackingException($"{path} is a module, not an assembly: give the net462 Release build of a shipped assembly.");

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
            types.Add(ReadType(md, decoder, handle, kind.Value));
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

    private static ShippedType ReadType(MetadataReader md, AttributeTypeProvider decoder, TypeDefinitionHandle handle, ShippedTypeKind kind)
    {
        var type = md.GetTypeDefinition(handle);
        var fullName = FullNameOf(md, handle);
        var steps = new List<StepDeclaration>();
        CustomApiAttribute? api = null;
        var requestParameters = new List<CustomApiRequestParameterAttribute>();
        var responseProperties = new List<CustomApiResponsePropertyAttribute>();
        WorkflowActivityAttribute? activity = null;
        foreach (var attributeHandle in type.GetCustomAttributes())
        {
            var attribute = md.GetCustomAttribute(attributeHandle);
            var attributeType = AttributeTypeName(md, attribute);
            if (attributeType is null || !RegistrationAttributes.TryGetValue(attributeType, out var registration)) continue;
            switch (Instantiate(registration, attribute.DecodeValue(decoder), fullName))
            {
                case PluginStepAttribute step:
                    steps.Add(StepDeclaration.Of(fullName, step));
                    break;
                case CustomApiAttribute declared:
                    api = declared;
                    break;
                case CustomApiRequestParameterAttribute parameter:
                    requestParameters.Add(parameter);
                    break;
                case CustomApiResponsePropertyAttribute property:
                    responseProperties.Add(property);
                    break;
                case WorkflowActivityAttribute declared:
                    activity = declared;
                    break;
            }
        }
        var assembly = md.GetAssemblyDefinition();
        return new ShippedType(fullName, kind, steps,
            api is null ? null : CustomApiDeclaration.Of(fullName, api, requestParameters, responseProperties),
            kind == ShippedTypeKind.WorkflowActivity ? WorkflowActivityDeclaration.Of(fullName, md.GetString(assembly.Name), assembly.Version, activity) : null)
        {
            Arguments = kind == ShippedTypeKind.WorkflowActivity ? ArgumentsOf(md, handle) : [],
        };
    }

    /// <summary>
    /// The attribute as the compiler recorded it, rebuilt as an instance of Core's attribute class: its constructor
    /// with the fixed arguments, then each named argument set on its property. The declaration then goes through the
    /// same Core model as the local organization's reflection.
    /// </summary>
    private static Attribute Instantiate(Type attributeType, CustomAttributeValue<AttributeType> value, string declaringType)
    {
        var fixedArguments = value.FixedArguments;
        var constructor = attributeType.GetConstructors().SingleOrDefault(c => c.GetParameters().Length == fixedArguments.Length)
            ?? throw new InvalidOperationException($"{declaringType} has a [{attributeType.Name}] with {fixedArguments.Length} arguments, which no constructor of {attributeType.FullName} takes.");
        var parameters = constructor.GetParameters();
        var attribute = (Attribute)constructor.Invoke(fixedArguments.Select((a, i) => As(parameters[i].ParameterType, a.Value)).ToArray());
        foreach (var named in value.NamedArguments)
        {
            var property = attributeType.GetProperty(named.Name ?? "")
                ?? throw new InvalidOperationException($"{declaringType} sets {named.Name} on [{attributeType.Name}], which {attributeType.FullName} does not have.");
            property.SetValue(attribute, As(property.PropertyType, named.Value));
        }
        return attribute;
    }

    /// <summary>Enum arguments come out of the metadata as their underlying number.</summary>
    private static object? As(Type type, object? value) => type.IsEnum && value is not null ? Enum.ToObject(type, value) : value;

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
