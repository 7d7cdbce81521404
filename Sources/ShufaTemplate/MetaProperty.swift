/// Names of the user-defined metadata shufa writes (LibreOffice: File ▸ Properties ▸ Custom Properties).
public enum MetaProperty {
    public static let kind = "文档类型"
    public static let id = "编号"
    public static let name = "姓名"
    public static let unit = "单位"
    public static let position = "职务"
    public static let role = "述法主体类别"
    public static let year = "年度"
    public static let organization = "组织"
}
