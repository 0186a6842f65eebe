namespace TeamsEngage.Cards;

// Serialized through CardJson.Options as camelCase strings, which is exactly how the schema spells them.

/// <summary>Space above an element.</summary>
public enum Spacing { None, Small, Default, Medium, Large, ExtraLarge, Padding }

/// <summary>Font size of text.</summary>
public enum TextSize { Default, Small, Medium, Large, ExtraLarge }

/// <summary>Font weight of text.</summary>
public enum TextWeight { Default, Lighter, Bolder }

/// <summary>Semantic text colour.</summary>
public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

/// <summary>Style of a TextBlock.</summary>
public enum TextBlockStyle { Default, Heading }

/// <summary>Horizontal alignment of text or an image.</summary>
public enum HorizontalAlignment { Left, Center, Right }

/// <summary>Background style of a container or column.</summary>
public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }

/// <summary>How a choice set is shown.</summary>
public enum ChoiceInputStyle { Compact, Expanded, Filtered }

/// <summary>Size of an image.</summary>
public enum ImageSize { Auto, Stretch, Small, Medium, Large }

/// <summary>Shape of an image.</summary>
public enum ImageStyle { Default, Person }

/// <summary>Emphasis of an action button.</summary>
public enum ActionStyle { Default, Positive, Destructive }

/// <summary>Which inputs an action gathers and validates.</summary>
public enum AssociatedInputs { Auto, None }
