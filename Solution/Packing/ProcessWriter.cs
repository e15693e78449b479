using System.Xml.Linq;
using VoiceForD365.Core.Schema;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.Solution.Packing;

/// <summary>
/// Writes a <see cref="ProcessDefinition"/> as the classic workflow Dataverse exports: the <c>Workflow</c> element of
/// customizations.xml and Workflows/&lt;name&gt;-&lt;ID&gt;.xaml, the XAML the process designer would generate. The XAML
/// follows the designer's conventions (step ids ConditionStep1, ConditionBranchStep2, CustomActivityStep3...; helper
/// variables &lt;step&gt;_&lt;n&gt;, &lt;step&gt;_&lt;n&gt;_converted; outputs in &lt;step&gt;&lt;argument&gt;_localParameter), because the
/// platform rebuilds the designer's model from those names.
/// </summary>
internal static class ProcessWriter
{
    private const string PlatformAssembly = "Microsoft.Crm.Workflow, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35";
    private const string ClassName = "XrmWorkflow00000000000000000000000000000000";

    private static readonly XNamespace Activities = "http://schemas.microsoft.com/netfx/2009/xaml/activities";
    private static readonly XNamespace X = "http://schemas.microsoft.com/winfx/2006/xaml";
    private static readonly XNamespace Mva = "clr-namespace:Microsoft.VisualBasic.Activities;assembly=System.Activities, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35";
    private static readonly XNamespace Mxs = "clr-namespace:Microsoft.Xrm.Sdk;assembly=Microsoft.Xrm.Sdk, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35";
    private static readonly XNamespace Mxsq = "clr-namespace:Microsoft.Xrm.Sdk.Query;assembly=Microsoft.Xrm.Sdk, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35";
    private static readonly XNamespace Mxswa = "clr-namespace:Microsoft.Xrm.Sdk.Workflow.Activities;assembly=Microsoft.Xrm.Sdk.Workflow, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35";
    private static readonly XNamespace S = "clr-namespace:System;assembly=mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089";
    private static readonly XNamespace Scg = "clr-namespace:System.Collections.Generic;assembly=mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089";
    private static readonly XNamespace Sco = "clr-namespace:System.Collections.ObjectModel;assembly=mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089";
    private static readonly XNamespace This = "clr-namespace:";

    /// <summary>Where Dataverse exports a process's XAML: Workflows/&lt;name, letters and digits only&gt;-&lt;ID&gt;.xaml.</summary>
    public static string FileName(ProcessDefinition process) =>
        $"Workflows/{new string(process.Name.Where(char.IsLetterOrDigit).ToArray())}-{process.Id.ToString("D").ToUpperInvariant()}.xaml";

    public static (XElement Workflow, string FileName, byte[] Xaml) Write(ProcessDefinition process, IReadOnlyList<ShippedAssembly> assemblies, string version)
    {
        var fileName = FileName(process);
        var activated = process.ActivateOnImport;
        var element = new XElement("Workflow", new XAttribute("WorkflowId", Xml.Braced(process.Id)), new XAttribute("Name", process.Name),
            new XElement("XamlFileName", "/" + fileName),
            new XElement("Type", "1"), // definition
            new XElement("Subprocess", "0"),
            new XElement("Category", Xml.Int((int)process.Category)),
            new XElement("Mode", Xml.Int((int)process.Mode)),
            new XElement("Scope", Xml.Int((int)process.Scope)),
            new XElement("OnDemand", Xml.Bit(process.OnDemand)));
        if (process.Trigger.OnUpdate && process.Trigger.OnUpdateColumns.Count > 0)
            element.Add(new XElement("TriggerOnUpdateAttributeList", string.Join(",", process.Trigger.OnUpdateColumns)));
        element.Add(
            new XElement("TriggerOnCreate", Xml.Bit(process.Trigger.OnCreate)),
            new XElement("TriggerOnDelete", Xml.Bit(process.Trigger.OnDelete)),
            new XElement("AsyncAutodelete", Xml.Bit(process.Mode == ProcessMode.Background)),
            new XElement("SyncWorkflowLogOnFailure", Xml.Bit(process.Mode == ProcessMode.RealTime)),
            new XElement("StateCode", activated ? "1" : "0"),
            new XElement("StatusCode", activated ? "2" : "1"));
        // After the operation; a real-time process may run before it, a background one never does.
        if (process.Trigger.OnCreate) element.Add(new XElement("CreateStage", "40"));
        if (process.Trigger.OnUpdate) element.Add(new XElement("UpdateStage", "40"));
        if (process.Trigger.OnDelete) element.Add(new XElement("DeleteStage", "20"));
        element.Add(
            new XElement("RunAs", Xml.Int((int)process.RunAs)),
            new XElement("UniqueName", process.UniqueName),
            new XElement("IsTransacted", "1"),
            new XElement("IntroducedVersion", version),
            new XElement("IsCustomizable", "1"),
            new XElement("BusinessProcessType", "0"),
            new XElement("PrimaryEntity", process.PrimaryEntity),
            new XElement("LocalizedNames", new XElement("LocalizedName", new XAttribute("languagecode", Xml.Lcid), new XAttribute("description", process.Name))));
        if (process.Description.Length > 0)
            element.Add(new XElement("Descriptions", new XElement("Description", new XAttribute("languagecode", Xml.Lcid), new XAttribute("description", process.Description))));
        return (element, fileName, Xml.ToBytes(Xaml(process, assemblies)));
    }

    /// <summary>The process's XAML: a check condition (when the definition has conditions) whose branch runs the steps.</summary>
    public static XElement Xaml(ProcessDefinition process, IReadOnlyList<ShippedAssembly> assemblies)
    {
        var stepNumber = 0;
        var workflowVariables = new List<XElement>();
        var body = new List<XElement>();
        if (process.Conditions.Count == 0)
        {
            foreach (var step in process.Steps) body.Add(ActivityStep(process, step, ++stepNumber, assemblies, workflowVariables));
        }
        else
        {
            var conditionStep = $"ConditionStep{++stepNumber}";
            var branch = $"ConditionBranchStep{++stepNumber}";
            var steps = process.Steps.Select(s => ActivityStep(process, s, ++stepNumber, assemblies, workflowVariables)).ToList();
            body.Add(Condition(process, conditionStep, branch, steps));
        }

        var workflow = new XElement(Mxswa + "Workflow");
        if (workflowVariables.Count > 0) workflow.Add(new XElement(Mxswa + "Workflow.Variables", workflowVariables));
        workflow.Add(body);
        return new XElement(Activities + "Activity",
            new XAttribute(X + "Class", ClassName),
            new XAttribute("xmlns", Activities.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "mva", Mva.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "mxs", Mxs.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "mxsq", Mxsq.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "mxswa", Mxswa.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "s", S.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "scg", Scg.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "sco", Sco.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "this", This.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "x", X.NamespaceName),
            new XElement(X + "Members",
                new XElement(X + "Property", new XAttribute("Name", "InputEntities"), new XAttribute("Type", "InArgument(scg:IDictionary(x:String, mxs:Entity))")),
                new XElement(X + "Property", new XAttribute("Name", "CreatedEntities"), new XAttribute("Type", "InArgument(scg:IDictionary(x:String, mxs:Entity))"))),
            new XElement(This + (ClassName + ".InputEntities"), new XElement(Activities + "InArgument", new XAttribute(X + "TypeArguments", "scg:IDictionary(x:String, mxs:Entity)"))),
            new XElement(This + (ClassName + ".CreatedEntities"), new XElement(Activities + "InArgument", new XAttribute(X + "TypeArguments", "scg:IDictionary(x:String, mxs:Entity)"))),
            new XElement(Mva + "VisualBasic.Settings", "Assembly references and imported namespaces for internal implementation"),
            workflow);
    }

    /// <summary>Check condition: reads each condition's column, evaluates it, combines the results with And, and runs the branch.</summary>
    private static XElement Condition(ProcessDefinition process, string conditionStep, string branch, IReadOnlyList<XElement> steps)
    {
        var variables = new List<XElement> { Variable("x:Boolean", $"{branch}_condition", "False") };
        var activities = new List<XElement>();
        var results = new List<string>();
        var slot = 0;
        foreach (var condition in process.Conditions)
        {
            var operand = $"{branch}_{++slot}";
            variables.Add(Variable("x:Object", operand));
            var result = process.Conditions.Count == 1 ? $"{branch}_condition" : $"{branch}_{++slot}";
            if (process.Conditions.Count > 1) variables.Add(Variable("x:Boolean", result, "False"));
            results.Add(result);
            activities.Add(GetEntityProperty(process.PrimaryEntity, condition.Column, operand, null));
            var @operator = condition.Operator switch
            {
                ProcessConditionOperator.ContainsData => "NotNull",
                ProcessConditionOperator.DoesNotContainData => "Null",
                _ => throw new NotSupportedException($"Process {process.UniqueName}: the packer writes conditions on whether a column contains data; {condition.Operator} on {condition.Column} is not supported yet."),
            };
            activities.Add(PlatformActivity("EvaluateCondition", "EvaluateCondition",
                Argument("In", "mxsq:ConditionOperator", "ConditionOperator", @operator),
                new XElement(X + "Null", new XAttribute(X + "Key", "Parameters")), // valueless operators take a null, not an empty array
                Argument("In", "x:Object", "Operand", $"[{operand}]"),
                Argument("Out", "x:Boolean", "Result", $"[{result}]")));
        }
        // And of all results, pairwise, the last one writing the branch's condition.
        for (var i = 1; i < results.Count; i++)
        {
            var combined = i == results.Count - 1 ? $"{branch}_condition" : $"{branch}_{++slot}";
            if (combined != $"{branch}_condition") variables.Add(Variable("x:Boolean", combined, "False"));
            activities.Add(PlatformActivity("EvaluateLogicalCondition", "EvaluateLogicalCondition",
                Argument("In", "mxsq:LogicalOperator", "LogicalOperator", "And"),
                Argument("In", "x:Boolean", "LeftOperand", $"[{results[i - 1]}]"),
                Argument("In", "x:Boolean", "RightOperand", $"[{results[i]}]"),
                Argument("Out", "x:Boolean", "Result", $"[{combined}]")));
            results[i] = combined;
        }
        activities.Add(PlatformActivity("ConditionBranch", branch,
            [Argument("In", "x:Boolean", "Condition", $"[{branch}_condition]")],
            [
                Composite(branch, [], steps, key: "Then"),
                new XElement(X + "Null", new XAttribute(X + "Key", "Else")),
                new XElement(X + "Null", new XAttribute(X + "Key", "Description")),
            ]));
        return PlatformActivity("ConditionSequence", conditionStep,
            [Argument("In", "x:Boolean", "Wait", "False")],
            [
                new XElement(Sco + "Collection", new XAttribute(X + "TypeArguments", "Variable"), new XAttribute(X + "Key", "Variables"), variables),
                new XElement(Sco + "Collection", new XAttribute(X + "TypeArguments", "Activity"), new XAttribute(X + "Key", "Activities"), activities),
                new XElement(X + "Boolean", new XAttribute(X + "Key", "ContainsElseBranch"), "False"),
            ]);
    }

    /// <summary>A custom workflow activity step: each bound input read, typed and converted, then the activity with every argument bound.</summary>
    private static XElement ActivityStep(ProcessDefinition process, ProcessStep step, int number, IReadOnlyList<ShippedAssembly> assemblies, List<XElement> workflowVariables)
    {
        var id = $"CustomActivityStep{number}";
        var displayName = step.Description.Length > 0 ? $"{id}: {step.Description}" : id;
        var assembly = assemblies.SingleOrDefault(a => a.Name == step.ActivityAssembly)
            ?? throw new InvalidOperationException($"Process {process.UniqueName} runs {step.ActivityType} from {step.ActivityAssembly}, which is not among the shipped assemblies packed ({string.Join(", ", assemblies.Select(a => a.Name))}).");
        var activity = assembly.WorkflowActivities.SingleOrDefault(t => t.FullName == step.ActivityType)
            ?? throw new InvalidOperationException($"Process {process.UniqueName} runs {step.ActivityType}, which {assembly.Name} does not contain as a workflow activity.");

        var variables = new List<XElement>();
        var activities = new List<XElement>();
        var arguments = new List<XElement>();
        var slot = 0;
        foreach (var input in step.Inputs)
        {
            var argument = activity.Arguments.SingleOrDefault(a => a.Name == input.Argument && a.Direction == ArgumentDirection.In)
                ?? throw new InvalidOperationException($"Process {process.UniqueName}: {activity.FullName} has no input argument {input.Argument}.");
            var type = XamlType(argument.TypeName);
            var result = $"{id}_{++slot}";
            var source = $"{id}_{++slot}";
            variables.Add(Variable("x:Object", result));
            variables.Add(Variable("x:Object", source));
            variables.Add(Variable("x:Object", result + "_converted"));
            var column = input.Source switch
            {
                ProcessValueSource.PrimaryRecord => PrimaryIdOf(process.PrimaryEntity),
                ProcessValueSource.PrimaryColumn => input.Column ?? throw new InvalidOperationException($"Process {process.UniqueName}: input {input.Argument} names no column."),
                _ => throw new NotSupportedException($"Process {process.UniqueName}: input {input.Argument} is a constant; the packer binds inputs to the record and its columns only."),
            };
            activities.Add(GetEntityProperty(process.PrimaryEntity, column, source, type));
            activities.Add(PlatformActivity("EvaluateExpression", "EvaluateExpression",
                Argument("In", "x:String", "ExpressionOperator", "SelectFirstNonNull"),
                Argument("In", "s:Object[]", "Parameters", $"[New Object() {{ {source} }}]"),
                TypeArgument("TargetType", type),
                Argument("Out", "x:Object", "Result", $"[{result}]")));
            activities.Add(PlatformActivity("ConvertCrmXrmTypes", "ConvertCrmXrmTypes",
                Argument("In", "x:Object", "Value", $"[{result}]"),
                TypeArgument("TargetType", type),
                Argument("Out", "x:Object", "Result", $"[{result}_converted]")));
            arguments.Add(Argument("In", type, argument.Name, $"[DirectCast({result}_converted, {argument.TypeName})]"));
        }
        foreach (var output in activity.Arguments.Where(a => a.Direction == ArgumentDirection.Out))
        {
            var type = XamlType(output.TypeName);
            var variable = $"{id}{output.Name}_localParameter";
            workflowVariables.Add(Variable(type, variable, DefaultOf(type)));
            arguments.Add(Argument("Out", type, output.Name, $"[{variable}]"));
        }
        var reference = new XElement(Mxswa + "ActivityReference",
            new XAttribute("AssemblyQualifiedName", $"{activity.FullName}, {assembly.FullName}"),
            new XAttribute("DisplayName", displayName),
            new XElement(Mxswa + "ActivityReference.Arguments", arguments));
        activities.Add(reference);
        return Composite(displayName, variables, activities);
    }

    private static XElement Composite(string displayName, IReadOnlyList<XElement> variables, IReadOnlyList<XElement> activities, string? key = null)
    {
        var composite = new XElement(Mxswa + "ActivityReference",
            new XAttribute("AssemblyQualifiedName", $"Microsoft.Crm.Workflow.Activities.Composite, {PlatformAssembly}"));
        if (key is not null) composite.Add(new XAttribute(X + "Key", key));
        composite.Add(new XAttribute("DisplayName", displayName),
            new XElement(Mxswa + "ActivityReference.Properties",
                new XElement(Sco + "Collection", new XAttribute(X + "TypeArguments", "Variable"), new XAttribute(X + "Key", "Variables"), variables),
                new XElement(Sco + "Collection", new XAttribute(X + "TypeArguments", "Activity"), new XAttribute(X + "Key", "Activities"), activities)));
        return composite;
    }

    private static XElement PlatformActivity(string name, string displayName, params XElement[] arguments) =>
        PlatformActivity(name, displayName, arguments, []);

    private static XElement PlatformActivity(string name, string displayName, IReadOnlyList<XElement> arguments, IReadOnlyList<XElement> properties)
    {
        var element = new XElement(Mxswa + "ActivityReference",
            new XAttribute("AssemblyQualifiedName", $"Microsoft.Crm.Workflow.Activities.{name}, {PlatformAssembly}"),
            new XAttribute("DisplayName", displayName),
            new XElement(Mxswa + "ActivityReference.Arguments", arguments));
        if (properties.Count > 0) element.Add(new XElement(Mxswa + "ActivityReference.Properties", properties));
        return element;
    }

    /// <summary>Reads a column of the primary record; the target type converts it (null: as stored, for conditions).</summary>
    private static XElement GetEntityProperty(string table, string column, string variable, string? targetType)
    {
        var literal = new XElement(Mxswa + "ReferenceLiteral", new XAttribute(X + "TypeArguments", "s:Type"));
        if (targetType is null) literal.Add(new XElement(X + "Null"));
        else literal.Add(new XAttribute("Value", targetType));
        return new XElement(Mxswa + "GetEntityProperty",
            new XAttribute("Attribute", column),
            new XAttribute("Entity", "[InputEntities(\"primaryEntity\")]"),
            new XAttribute("EntityName", table),
            new XAttribute("Value", $"[{variable}]"),
            new XElement(Mxswa + "GetEntityProperty.TargetType",
                new XElement(Activities + "InArgument", new XAttribute(X + "TypeArguments", "s:Type"), literal)));
    }

    private static XElement Argument(string direction, string type, string key, string value) =>
        new(Activities + (direction + "Argument"), new XAttribute(X + "TypeArguments", type), new XAttribute(X + "Key", key), value);

    private static XElement TypeArgument(string key, string type) =>
        new(Activities + "InArgument", new XAttribute(X + "TypeArguments", "s:Type"), new XAttribute(X + "Key", key),
            new XElement(Mxswa + "ReferenceLiteral", new XAttribute(X + "TypeArguments", "s:Type"), new XAttribute("Value", type)));

    private static XElement Variable(string type, string name, string? @default = null)
    {
        var variable = new XElement(Activities + "Variable", new XAttribute(X + "TypeArguments", type));
        if (@default is not null) variable.Add(new XAttribute("Default", @default));
        variable.Add(new XAttribute("Name", name));
        return variable;
    }

    /// <summary>XAML type of an argument's T.</summary>
    private static string XamlType(string typeName) => typeName switch
    {
        "System.String" => "x:String",
        "System.Boolean" => "x:Boolean",
        "System.Int32" => "x:Int32",
        "System.Decimal" => "x:Decimal",
        "System.Double" => "x:Double",
        "System.DateTime" => "s:DateTime",
        "Microsoft.Xrm.Sdk.EntityReference" => "mxs:EntityReference",
        "Microsoft.Xrm.Sdk.OptionSetValue" => "mxs:OptionSetValue",
        "Microsoft.Xrm.Sdk.Money" => "mxs:Money",
        _ => throw new NotSupportedException($"Workflow argument type {typeName} is not one Dataverse processes pass."),
    };

    /// <summary>A value-typed variable cannot default to Nothing.</summary>
    private static string DefaultOf(string xamlType) => xamlType switch
    {
        "x:Boolean" => "False",
        "x:Int32" or "x:Decimal" or "x:Double" => "0",
        "mxs:EntityReference" => "[New EntityReference()]",
        _ => "[Nothing]",
    };

    private static string PrimaryIdOf(string table) =>
        SolutionSchema.Tables.FirstOrDefault(t => t.LogicalName == table)?.PrimaryIdColumn
        ?? table switch
        {
            PhoneCall.EntityName => PhoneCall.PrimaryId,
            SystemUser.EntityName => SystemUser.PrimaryId,
            _ => table + "id",
        };
}
