import ArgumentParser
public enum MeridianMain { public static func main() { print("meridian") } }
