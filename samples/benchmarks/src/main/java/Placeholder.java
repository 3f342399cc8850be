public final class Placeholder {}
