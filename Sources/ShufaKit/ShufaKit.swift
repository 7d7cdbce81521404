// The pipeline under one name. Each stage is a target of its own, importing only the stages before it,
// so the compiler keeps the order: roster → catalog → template → checks → outputs → print. Later stages
// (ShufaTally, ShufaArchive), the command line and the benchmark import this module alone.
@_exported import ShufaCatalog
@_exported import ShufaChecks
@_exported import ShufaODF
@_exported import ShufaOutput
@_exported import ShufaPrint
@_exported import ShufaRoster
@_exported import ShufaSystem
@_exported import ShufaTemplate
@_exported import ShufaText
@_exported import ShufaXML
