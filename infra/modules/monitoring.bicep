metadata description = 'Log Analytics workspace and a workspace-based Application Insights component.'

@description('Azure region of the monitoring resources.')
param location string

@description('Prefix of the resource names.')
param namePrefix string

@description('Days the workspace keeps logs.')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Tags applied to every resource.')
param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

// The bot's metrics (meter TeamsEngage) in one place: the queries are in workbook.json, kept next to this file.
resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, namePrefix, 'teamsengage-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'TeamsEngage operations (${namePrefix})'
    category: 'workbook'
    sourceId: appInsights.id
    serializedData: loadTextContent('workbook.json')
  }
}

@description('Application Insights connection string (an ingestion address, not a secret).')
output connectionString string = appInsights.properties.ConnectionString
