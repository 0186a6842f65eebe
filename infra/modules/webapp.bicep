metadata description = 'Linux App Service plan and the .NET 10 web app that hosts the bot.'

@description('Azure region of the plan and the web app.')
param location string

@description('Name of the App Service plan.')
param planName string

@description('Globally unique name of the web app; it becomes <name>.azurewebsites.net.')
param webAppName string

@description('App Service plan SKU. Basic or higher: Always On is not available on Free.')
param skuName string

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of the user-assigned managed identity (the bot\'s Microsoft App ID).')
param identityClientId string

@description('Tenant of the managed identity.')
param identityTenantId string

@description('Microsoft Entra tenant whose Teams users may talk to the bot.')
param allowedTenantId string

@description('Table service endpoint of the storage account.')
param tableEndpoint string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Cloud preset of the bot (TeamsEngage:Cloud).')
param cloud string

@description('Instances the plan runs at least.')
param minInstances int

@description('Instances CPU autoscale may add up to.')
param maxInstances int

@description('Client id of the Reports tab\'s Entra app registration; empty leaves the tab off.')
param reportsTabClientId string

@description('Tags applied to every resource.')
param tags object

// Basic plans cannot autoscale; Standard and Premium can.
var canAutoscale = !startsWith(skuName, 'B') && maxInstances > minInstances

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: minInstances
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Readiness, not liveness: an instance that cannot reach the store or the channel's keys leaves the rotation.
      healthCheckPath: '/readyz'
      appSettings: [
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identityClientId }
        { name: 'MicrosoftAppTenantId', value: identityTenantId }
        { name: 'Storage__TableEndpoint', value: tableEndpoint }
        { name: 'Storage__ManagedIdentityClientId', value: identityClientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        { name: 'TeamsEngage__AllowedTenants__0', value: allowedTenantId }
        { name: 'TeamsEngage__Cloud', value: cloud }
        // Signed links (poll exports, personal-data exports) point here; the bot refuses to start without it in Production.
        { name: 'TeamsEngage__PublicBaseUrl', value: 'https://${webAppName}.azurewebsites.net' }
        // The Reports tab's single sign-on: its app registration and the Application ID URI Teams asks tokens for.
        { name: 'TeamsEngage__Reports__Tab__ClientId', value: reportsTabClientId }
        { name: 'TeamsEngage__Reports__Tab__ApplicationIdUri', value: empty(reportsTabClientId) ? '' : 'api://${webAppName}.azurewebsites.net/${reportsTabClientId}' }
      ]
    }
  }
}

// One more instance when the plan's CPU stays above 70 % for 10 minutes, one fewer below 30 % for 20 minutes.
resource autoscale 'Microsoft.Insights/autoscalesettings@2022-10-01' = if (canAutoscale) {
  name: '${planName}-autoscale'
  location: location
  tags: tags
  properties: {
    enabled: true
    targetResourceUri: plan.id
    profiles: [
      {
        name: 'cpu'
        capacity: {
          minimum: string(minInstances)
          maximum: string(maxInstances)
          default: string(minInstances)
        }
        rules: [
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricResourceUri: plan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT10M'
              timeAggregation: 'Average'
              operator: 'GreaterThan'
              threshold: 70
            }
            scaleAction: {
              direction: 'Increase'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT10M'
            }
          }
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricResourceUri: plan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT20M'
              timeAggregation: 'Average'
              operator: 'LessThan'
              threshold: 30
            }
            scaleAction: {
              direction: 'Decrease'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT20M'
            }
          }
        ]
      }
    ]
  }
}

// Deployments go through Microsoft Entra ID (az webapp deploy); basic-auth publishing stays off.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('Name of the web app.')
output name string = webApp.name

@description('Default host name of the web app, for example teamsengage-abc.azurewebsites.net.')
output defaultHostName string = webApp.properties.defaultHostName
